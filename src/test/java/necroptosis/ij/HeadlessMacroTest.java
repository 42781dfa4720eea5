package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's exit codes, as a cluster script reads them: 0 done, 1 the macro failed (with ImageJ's own
 * message on stderr, never a HeadlessException trace), 3 a batch finished with failed slides.
 */
class HeadlessMacroTest {
    @TempDir
    Path dir;

    private String stderr;

    private int run(String macro) throws Exception {
        Path file = dir.resolve("test.ijm");
        Files.write(file, macro.getBytes(StandardCharsets.UTF_8));
        return runFile(file.toString());
    }

    private int runFile(String file) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            return HeadlessMacro.run(new String[] {file});
        } finally {
            System.setErr(old);
            stderr = new String(err.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMacroThatRunsExitsZero() throws Exception {
        assertEquals(0, run("x = 1 + 1;\n"));
    }

    @Test
    void aMissingMacroExitsOne() {
        assertEquals(1, runFile(dir.resolve("nowhere.ijm").toString()));
        assertTrue(stderr.contains("no such macro file"), stderr);
    }

    @Test
    void anUnknownCommandExitsOneWithImageJsMessage() throws Exception {
        assertEquals(1, run("run(\"No Such Command\");\n"));
        assertTrue(stderr.contains("Unrecognized command: \"No Such Command\""), stderr);
        assertFalse(stderr.contains("HeadlessException"), stderr);
    }

    @Test
    void aMacroErrorExitsOneWithImageJsMessage() throws Exception {
        assertEquals(1, run("x = ;\n"));
        assertTrue(stderr.contains("Macro Error in line"), stderr);
        assertFalse(stderr.contains("HeadlessException"), stderr);
    }

    @Test
    void aCommandErrorExitsOne() throws Exception {
        assertEquals(1, run("run(\"Score Slide...\", \"slide=[" + dir.resolve("missing.svs") + "] output=[" + dir.resolve("out") + "]\");\n"));
        assertTrue(stderr.contains("no such file"), stderr);
    }

    @Test
    void aBatchWithAFailedSlideExitsThree() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("broken.svs"), "not a slide".getBytes(StandardCharsets.US_ASCII));
        assertEquals(3, run("run(\"Batch Score Folder...\", \"input=[" + in + "] output=[" + dir.resolve("out") + "]\");\n"));
    }

    @Test
    void aMissingClassNamesTheLibrary() {
        String m = CommandSupport.missingClass(new RuntimeException(new NoClassDefFoundError("ome/codecs/JPEG2000Codec")));
        assertTrue(m.startsWith("ome.codecs.JPEG2000Codec from ome-codecs-*.jar"), m);
        // The JPEG 2000 decoder itself, which the tile reader calls directly.
        String jai = CommandSupport.missingClass(new NoClassDefFoundError("com/sun/media/imageio/plugins/jpeg2000/J2KImageReadParam"));
        assertTrue(jai.startsWith("com.sun.media.imageio.plugins.jpeg2000.J2KImageReadParam from ome-jai-*.jar"), jai);
        assertNull(CommandSupport.missingClass(new RuntimeException("other")));
    }
}
