package necroptosis.ij;

import ij.IJ;
import ij.plugin.PlugIn;
import necroptosis.Versions;

/** Plugins > Necroptosis > About: version and where the methods are described. */
public final class AboutCommand implements PlugIn {
    static final String TEXT = "Necroptosis Scorer " + Versions.VERSION + "\n\n"
            + "Necrotic tumour cores, MLKL (DAB) scoring per zone and immune-infiltrate density\n"
            + "on whole-slide IHC images.\n\n"
            + "Methods, defaults and command-line use: see the README shipped with the plugin.";

    @Override
    public void run(String arg) {
        if (IJ.getInstance() == null || java.awt.GraphicsEnvironment.isHeadless()) {
            IJ.log(TEXT);
        } else {
            IJ.showMessage("About Necroptosis Scorer", TEXT);
        }
    }
}
