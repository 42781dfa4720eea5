package necroptosis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;

import necroptosis.slide.Level;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code info SLIDE}: levels and calibration as JSON, to check what a reader sees. */
@Command(name = "info", description = "Print a slide's reader, pyramid levels and pixel size as JSON.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SLIDE", description = "slide file")
    Path slide;

    @Mixin
    OpenOptionsMixin open;

    @Override
    public Integer call() throws Exception {
        try (SlideSource s = SlideSources.open(slide, open.options())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("slide", s.path());
            json.put("reader", s.readerName());
            List<Map<String, Object>> levels = new ArrayList<>();
            for (Level l : s.levels()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("width", l.width());
                m.put("height", l.height());
                m.put("downsample", l.downsample());
                levels.add(m);
            }
            json.put("levels", levels);
            json.put("pixel_size_um", s.pixelSize().micrometersOrNull());
            json.put("pixel_size_source", s.pixelSize().source());
            System.out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json));
        }
        return 0;
    }
}
