package necroptosis.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import necroptosis.report.ResultWriter;

/**
 * The output folder name of every slide of a batch, decided from the full list (before sharding), so a
 * shard and an unsharded run put each slide in the same folder. Each name is the slide's
 * {@link ResultWriter#safeName safe name} (one path element of letters, digits, '.', '_' and '-': it cannot
 * leave the output folder). When several slides share a name (a/S1.svs and b/S1.svs, or names that differ
 * only in case, which are one folder on macOS and Windows, or only in characters that safeName replaces),
 * the first in the list keeps it and the others get the first free "-2", "-3", ... suffix; names that some
 * slide has on its own are never handed out as suffixed names.
 */
public final class OutputNames {
    private OutputNames() {}

    public static List<String> assign(List<Path> slides) {
        List<String> base = new ArrayList<>(slides.size());
        for (Path p : slides) base.add(ResultWriter.safeName(p.toString()));
        Set<String> taken = new HashSet<>();
        for (String b : base) taken.add(key(b));
        Set<String> given = new HashSet<>();
        List<String> out = new ArrayList<>(slides.size());
        for (String b : base) {
            String name = b;
            if (!given.add(key(name))) {
                for (int i = 2; ; i++) {
                    name = b + "-" + i;
                    if (!taken.contains(key(name)) && given.add(key(name))) break;
                }
            }
            out.add(name);
        }
        return out;
    }

    /**
     * The output folder name for a slide scored on its own into outDir: its safe name, or, when that folder
     * holds the result of another slide (切片.tif and 标本.tif are both "__"), the first "-2", "-3", ... that
     * is free or holds this slide's own earlier result, so one slide never overwrites another's.
     */
    public static String free(Path outDir, Path slide) {
        String base = ResultWriter.safeName(slide.toString());
        for (int i = 1; ; i++) {
            String name = i == 1 ? base : base + "-" + i;
            String recorded = CompleteOutputs.recordedSlide(outDir.resolve(name));
            if (recorded == null || CompleteOutputs.sameSlide(recorded, slide)) return name;
        }
    }

    /** The slide whose result a folder holds (its summary.json's "slide"), or null when none. */
    public static String slideIn(Path slideDir) {
        return CompleteOutputs.recordedSlide(slideDir);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
