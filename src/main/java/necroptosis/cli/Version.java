package necroptosis.cli;

import necroptosis.Versions;
import picocli.CommandLine.IVersionProvider;

/** Prints the version picked up from the build. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"necroptosis-scorer " + Versions.VERSION};
    }
}
