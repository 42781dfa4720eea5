package necroptosis.ij;

import java.awt.Button;
import java.awt.Dialog;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import ij.IJ;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Run by {@link FijiGuiTest} in its own JVM on the Xvfb display: a user's session with the macro recorder
 * on. Starts ImageJ (plugins from -Dplugins.dir), opens Score Slide from the menu as a click would, fills
 * the dialog (slide, output, weak=0.2), presses OK and writes what the Recorder recorded to a file.
 * Arguments: SLIDE OUTPUT RESULT_FILE. Exit code 0 when the command finished, 2 when it did not (a dialog
 * left open, e.g. an error message, is listed on stderr).
 */
public final class RecorderProbe {
    public static void main(String[] args) throws Exception {
        new ImageJ(ImageJ.NO_SHOW);
        Recorder recorder = new Recorder(false);
        IJ.doCommand("Score Slide..."); // a new thread named after the command, as a menu click
        GenericDialog gd = waitForDialog("Score Slide", 60_000);
        if (gd == null) exit("the Score Slide dialog did not open");
        Thread run = null;
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().endsWith("Score Slide...")) run = t;
        if (run == null) exit("no thread runs Score Slide");
        Vector<TextField> strings = gd.getStringFields(), numbers = gd.getNumericFields();
        strings.get(0).setText(args[0]);
        strings.get(strings.size() - 1).setText(args[1]);
        // Numeric fields in dialog order: pixel_size, analysis_pixel, threads, weak, ...
        numbers.get(3).setText("0.2");
        Button ok = gd.getButtons()[0];
        gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK"));
        run.join(100_000);
        if (run.isAlive()) exit("Score Slide did not finish; open windows: " + openWindows());
        String text = recorder.getText();
        Files.write(Paths.get(args[2]), text.getBytes(StandardCharsets.UTF_8));
        System.exit(0);
    }

    private static GenericDialog waitForDialog(String title, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog && w.isShowing() && title.equals(((Dialog) w).getTitle())) return (GenericDialog) w;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static List<String> openWindows() {
        List<String> l = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Dialog) l.add("dialog '" + ((Dialog) w).getTitle() + "'");
        }
        return l;
    }

    private static void exit(String why) {
        System.err.println("RecorderProbe: " + why);
        System.exit(2);
    }
}
