package necroptosis.slide.bioformats;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads from the Bio-Formats jars before the parent, so Bio-Formats gets the library versions it
 * was built with (the plugin itself ships other versions of ome-common and ome-codecs). JDK classes
 * always come from the JDK: the jars carry old copies of e.g. org.xml.sax (xml-apis) that would
 * clash with the JDK's XML parser. Only JDK types cross between the two sides, so the split cannot
 * cause type mismatches.
 * <p>
 * The exception is an API whose implementation the host chooses ({@link #HOST_APIS}): SLF4J finds its
 * binding through the service loader, which sees the host's binding, and a binding compiled against
 * the host's copy of the API is "not a subtype" of a second copy loaded from the jars, so SLF4J
 * would warn on every run and log nowhere. These come from the host when it has them, else from the jars.
 */
final class ChildFirstLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** Package prefixes loaded parent-first: logging APIs whose binding the host provides. */
    static final String[] HOST_APIS = {"org.slf4j."};

    /** The platform (Java 9+) or extension (Java 8) loader: JDK classes only. */
    private final ClassLoader jdk = ClassLoader.getSystemClassLoader().getParent();

    ChildFirstLoader(URL[] urls, ClassLoader parent) {
        super(urls, parent);
    }

    private static boolean fromHost(String name) {
        if (name.startsWith("necroptosis.")) return true;
        for (String prefix : HOST_APIS) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && jdk != null) {
                try {
                    c = jdk.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // Not a JDK class.
                }
            }
            if (c == null && fromHost(name) && getParent() != null) {
                try {
                    c = getParent().loadClass(name);
                } catch (ClassNotFoundException e) {
                    // The host lacks it: the jars' copy below.
                }
            }
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // Not in the jars: fall through to the parent.
                }
            }
            if (c == null) c = super.loadClass(name, false);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL u = jdk == null ? null : jdk.getResource(name);
        if (u == null) u = findResource(name);
        return u != null ? u : super.getResource(name);
    }
}
