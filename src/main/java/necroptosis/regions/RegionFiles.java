package necroptosis.regions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one reader of user region files, chosen by extension: {@code .roi} and {@code .zip} are ImageJ ROIs
 * (in the pixels of the image they were drawn on, hence the scale), anything else is GeoJSON in level-0
 * pixels. Every front end reads regions through here, so a file means the same everywhere.
 */
public final class RegionFiles {
    private RegionFiles() {}

    /** Whether the file is read as ImageJ ROIs, to which a scale applies. */
    public static boolean isImageJRois(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".roi") || n.endsWith(".zip");
    }

    /**
     * The polygons of the file with their mode. {@code scale} is level-0 pixels per ROI pixel; GeoJSON is
     * already in level-0 pixels and needs 1. The reader's message names the file and the reason.
     */
    public static UserRegions read(Path file, UserRegions.Mode mode, double scale) throws IOException {
        boolean rois = isImageJRois(file);
        if (!rois && scale != 1) throw new IllegalArgumentException("a scale applies to ImageJ ROIs only; GeoJSON is in level-0 pixels");
        UserRegions r = rois ? ImageJRoiRegions.read(file, scale) : GeoJsonRegions.read(file);
        return r.withMode(mode);
    }
}
