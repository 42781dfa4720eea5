package necroptosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The core library stays usable headless and from scripts: only the ij and cli packages may open windows
 * or dialogs. ImageJ's data classes (ImagePlus, processors, ROIs and their file codecs, the processing
 * filters) are fine anywhere. The two front ends do not call each other. Names are checked wherever they
 * are written in code, imported or fully qualified inline ({@code necroptosis.ij.Foo.bar()}), with
 * comments and string literals left out.
 */
class ArchitectureTest {
    private static final String FILTER_FACADE = "segmentation/ImageJFilters.java";

    /** Windows, dialogs and the classes that exist only to drive them. */
    static final Pattern WINDOWS_AND_DIALOGS = Pattern.compile("\\b("
            + "ij\\.gui\\.(GenericDialog|NonBlockingGenericDialog|DialogListener|ImageWindow|StackWindow|PlotWindow|HistogramWindow"
            + "|ImageCanvas|Toolbar|WaitForUserDialog|YesNoCancelDialog|MessageDialog|GUI|ProgressBar)\\b"
            + "|ij\\.plugin\\.frame\\.\\w+|ij\\.WindowManager\\b|ij\\.ImageJ\\b|ij\\.text\\.TextWindow\\b|ij\\.io\\.(OpenDialog|SaveDialog|DirectoryChooser)\\b"
            + "|java\\.awt\\.(Frame|Dialog|FileDialog|Window|Panel|Button|Canvas|Checkbox|Choice|TextField|TextArea|Menu\\w*|event\\.\\w+)\\b"
            + "|javax\\.swing\\.\\w+)");

    private static final Pattern IJ_FRONT_END = Pattern.compile("\\bnecroptosis\\.ij\\.\\w+");
    private static final Pattern CLI_FRONT_END = Pattern.compile("\\bnecroptosis\\.cli\\.\\w+");
    /** Comments and literals, removed before looking for names (a string may mention anything). */
    private static final Pattern COMMENTS_AND_LITERALS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    private static final Path ROOT = Paths.get("src/main/java/necroptosis");

    /** The code of a file without comments and string or character literals; line breaks kept. */
    static String code(String source) {
        Matcher m = COMMENTS_AND_LITERALS.matcher(source);
        StringBuffer out = new StringBuffer();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        m.appendTail(out);
        return out.toString();
    }

    /** Each use of a name matching {@code banned}, as "file:line: name". */
    static List<String> uses(Path file, String source, Pattern banned) {
        List<String> found = new ArrayList<>();
        String code = code(source);
        Matcher m = banned.matcher(code);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) if (code.charAt(i) == '\n') line++;
            found.add(file + ":" + line + ": " + m.group());
        }
        return found;
    }

    private static List<String> offenders(String area, Pattern banned) throws IOException {
        assertTrue(Files.isDirectory(ROOT), "run from the project folder");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                String rel = ROOT.relativize(p).toString().replace('\\', '/');
                boolean frontEnd = rel.startsWith("ij/") || rel.startsWith("cli/");
                boolean inArea = area.equals("core") ? !frontEnd : rel.startsWith(area + "/");
                if (inArea) found.addAll(uses(p, new String(Files.readAllBytes(p), StandardCharsets.UTF_8), banned));
            }
        }
        return found;
    }

    @Test
    void coreOpensNoWindowsOrDialogs() throws IOException {
        List<String> found = offenders("core", WINDOWS_AND_DIALOGS);
        assertTrue(found.isEmpty(), "core code using windows or dialogs: " + found);
    }

    @Test
    void coreDependsOnNeitherFrontEnd() throws IOException {
        List<String> found = offenders("core", Pattern.compile(IJ_FRONT_END + "|" + CLI_FRONT_END));
        assertTrue(found.isEmpty(), "core code naming a front end: " + found);
    }

    @Test
    void theFrontEndsDoNotCallEachOther() throws IOException {
        List<String> found = new ArrayList<>(offenders("cli", IJ_FRONT_END));
        found.addAll(offenders("ij", CLI_FRONT_END));
        assertTrue(found.isEmpty(), "cli naming ij or ij naming cli: " + found);
    }

    /** The scanner itself: inline full names are caught, mentions in comments and strings are not. */
    @Test
    void fullyQualifiedNamesInCodeAreCaughtCommentsAndStringsAreNot() {
        Path f = Paths.get("X.java");
        String src = "package necroptosis.cli;\n"
                + "// necroptosis.ij.Parameters in a comment\n"
                + "/* java.awt.Frame in a block comment */\n"
                + "class X {\n"
                + "  String s = \"necroptosis.ij.HeadlessMacro and ij.gui.GenericDialog in a string\";\n"
                + "  Object r = necroptosis.ij.Foo.bar();\n"
                + "  Object d = new ij.gui.GenericDialog(\"t\");\n"
                + "  Object ok = new ij.gui.PolygonRoi(null, 0);\n"
                + "}\n";
        assertEquals(Collections.singletonList("X.java:6: necroptosis.ij.Foo"), uses(f, src, IJ_FRONT_END));
        assertEquals(Arrays.asList("X.java:7: ij.gui.GenericDialog"), uses(f, src, WINDOWS_AND_DIALOGS));
        assertEquals(Arrays.asList("X.java:1: java.awt.Frame"),
                uses(f, "import java.awt.Frame;\nimport java.awt.geom.Path2D;\nimport ij.gui.Roi;\n", WINDOWS_AND_DIALOGS));
    }

    @Test
    void filterFacadeImportsOnlyProcessingFilters() throws IOException {
        String src = new String(Files.readAllBytes(ROOT.resolve(FILTER_FACADE)), StandardCharsets.UTF_8);
        Pattern anyPlugin = Pattern.compile("^import\\s+(ij\\.gui|ij\\.plugin\\.(?!filter\\.)|ij\\.plugin\\.filter\\.(?!(EDM|GaussianBlur|RankFilters|MaximumFinder);)).*", Pattern.MULTILINE);
        assertTrue(!anyPlugin.matcher(src).find(), "the filter facade may import only ImageJ's processing filters");
    }
}
