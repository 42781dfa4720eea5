package necroptosis.synth;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.Gson;
import com.google.gson.stream.JsonWriter;

import necroptosis.Versions;

/**
 * Writes a synthetic MLKL IHC slide (pyramidal JPEG TIFF with Aperio-style metadata) and its ground
 * truth. Level 0 is rendered tile row by tile row on a thread pool; results are consumed in tile order, so
 * the file bytes do not depend on the thread count. Reduced levels are built by 2x2 box averaging from
 * one buffered tile row per level, and lymphocyte positions go to a temporary file, so memory stays
 * bounded by a few tile rows whatever the slide size.
 * <p>
 * Longer than most files here: the pipelined render-and-write loop, the truth file and the core-fitting
 * check share the tile-row state, and splitting them would pass that state around.
 */
public final class SyntheticSlideGenerator {
    /** Reduced levels are added until the smallest fits in this many pixels. */
    static final int SMALLEST_LEVEL = 1024;
    /** Assumed worst-case JPEG bytes per pixel when deciding whether a classic TIFF may overflow. */
    private static final double BYTES_PER_PIXEL_ESTIMATE = 0.6;

    private final SyntheticSlideSettings settings;
    private final int threads;
    private final Boolean bigTiff;
    private Progress progress = (done, total) -> { };

    /** Progress of level-0 tile rows. */
    public interface Progress {
        void rows(int done, int total);
    }

    /**
     * @param threads worker threads (>= 1)
     * @param bigTiff TRUE or FALSE to force the container, null to choose BigTIFF when the file may exceed 4 GB
     */
    public SyntheticSlideGenerator(SyntheticSlideSettings settings, int threads, Boolean bigTiff) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.settings = settings;
        this.threads = threads;
        this.bigTiff = bigTiff;
    }

    public SyntheticSlideGenerator progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Default truth path: FILE.tif becomes FILE.truth.json. */
    public static Path defaultTruthPath(Path tif) {
        String name = tif.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return tif.resolveSibling(stem + ".truth.json");
    }

    /** Whether the automatic choice would use BigTIFF for these settings. */
    public static boolean needsBigTiff(SyntheticSlideSettings s) {
        double pixels = (double) s.width() * s.height() * 4.0 / 3.0;
        return pixels * BYTES_PER_PIXEL_ESTIMATE > 3.8e9;
    }

    /**
     * Whether the necrotic cores of these settings fit in the slide's tissue (for this seed), found by
     * drawing the slide's geometry only, without rendering a pixel. {@link #generate} fails when they do not.
     */
    public static boolean coresFit(SyntheticSlideSettings s) {
        try {
            new SlideLayout(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Summary of a finished run. */
    public static final class Result {
        public final Path image, truth;
        public final boolean bigTiff;
        public final int levels;
        public final long fileBytes;
        public final double seconds;

        Result(Path image, Path truth, boolean bigTiff, int levels, long fileBytes, double seconds) {
            this.image = image;
            this.truth = truth;
            this.bigTiff = bigTiff;
            this.levels = levels;
            this.fileBytes = fileBytes;
            this.seconds = seconds;
        }
    }

    public Result generate(Path tif, Path truth) throws IOException {
        long t0 = System.nanoTime();
        SlideLayout layout = new SlideLayout(settings);
        int tile = settings.tile();
        List<int[]> dims = new ArrayList<int[]>();
        int w = settings.width(), h = settings.height();
        dims.add(new int[] {w, h});
        while (Math.max(w, h) > SMALLEST_LEVEL) {
            w = (w + 1) / 2;
            h = (h + 1) / 2;
            dims.add(new int[] {w, h});
        }
        int nl = dims.size();
        int[] ws = new int[nl], hs = new int[nl];
        for (int l = 0; l < nl; l++) {
            ws[l] = dims.get(l)[0];
            hs[l] = dims.get(l)[1];
        }
        boolean big = bigTiff != null ? bigTiff : needsBigTiff(settings);
        for (Path p : new Path[] {tif, truth}) {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        }
        Path tmpTif = tif.resolveSibling(tif.getFileName() + ".part");
        Path tmpTruth = truth.resolveSibling(truth.getFileName() + ".part");
        Path lymphFile = truth.resolveSibling(truth.getFileName() + ".lymph.part");
        Truth acc = new Truth(layout.cores.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth-render");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<TileRenderer> renderers = ThreadLocal.withInitial(() -> new TileRenderer(layout, tile));
        ThreadLocal<TileJpeg> encoders = ThreadLocal.withInitial(() -> new TileJpeg(tile, settings.quality()));
        boolean done = false;
        try (PyramidTiffWriter writer = new PyramidTiffWriter(tmpTif, big, tile, ws, hs);
             DataOutputStream lymph = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(lymphFile), 1 << 16))) {
            Pyramid pyramid = new Pyramid(writer, ws, hs, tile, pool, encoders);
            int across = writer.tilesAcross(0), down = writer.tilesDown(0);
            ArrayDeque<Future<RenderedTile>> window = new ArrayDeque<Future<RenderedTile>>();
            int maxInFlight = Math.max(4, threads * 4);
            for (int ty = 0; ty < down; ty++) {
                for (int tx = 0; tx < across; tx++) {
                    final int x0 = tx * tile, y0 = ty * tile;
                    window.add(pool.submit(() -> {
                        RenderedTile r = new RenderedTile();
                        renderers.get().render(x0, y0, r);
                        r.jpeg = encoders.get().encode(r.bgr);
                        return r;
                    }));
                    if (window.size() >= maxInFlight) consume(window.poll(), layout, writer, pyramid, acc, lymph, across, down);
                }
            }
            while (!window.isEmpty()) consume(window.poll(), layout, writer, pyramid, acc, lymph, across, down);
            lymph.close();
            writer.finish(descriptions(ws, hs), settings.pixelSizeUm(),
                    "necroptosis-scorer " + Versions.VERSION + " synthetic slide generator");
            pool.shutdownNow();
            writeTruth(tmpTruth, lymphFile, layout, acc, ws, hs, tif.getFileName().toString(), big);
            Files.move(tmpTif, tif, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpTruth, truth, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            pool.shutdownNow();
            // never leave half-written files behind
            Files.deleteIfExists(lymphFile);
            if (!done) {
                Files.deleteIfExists(tmpTif);
                Files.deleteIfExists(tmpTruth);
            }
        }
        return new Result(tif, truth, big, nl, Files.size(tif), (System.nanoTime() - t0) / 1e9);
    }

    private void consume(Future<RenderedTile> f, SlideLayout layout, PyramidTiffWriter writer, Pyramid pyramid, Truth acc,
            DataOutputStream lymph, int across, int down) throws IOException {
        RenderedTile r;
        try {
            r = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) throw (IOException) c;
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            throw new IOException(c);
        }
        int tile = settings.tile();
        int tx = r.x0 / tile, ty = r.y0 / tile;
        writer.writeTile(0, tx, ty, r.jpeg);
        acc.add(r);
        for (int i = 0; i < r.lymphCount; i++) {
            lymph.writeDouble(r.lymph[3 * i]);
            lymph.writeDouble(r.lymph[3 * i + 1]);
            lymph.writeByte((int) r.lymph[3 * i + 2]);
        }
        pyramid.addLevel0Tile(r.bgr, r.x0, r.y0);
        if (tx == across - 1) {
            pyramid.level0RowDone(ty, ty == down - 1);
            layout.releaseRowsBelow((ty + 1) * tile);
            progress.rows(ty + 1, down);
        }
    }

    private String[] descriptions(int[] ws, int[] hs) {
        String[] d = new String[ws.length];
        String head = "Aperio Image Library v12.0.0 (necroptosis-scorer synthetic)\r\n";
        String mpp = fmt(settings.pixelSizeUm());
        String mag = fmt(10.0 / settings.pixelSizeUm());
        int t = settings.tile();
        for (int l = 0; l < ws.length; l++) {
            String geometry = ws[0] + "x" + hs[0] + " [0,0 " + ws[0] + "x" + hs[0] + "] (" + t + "x" + t + ")";
            if (l > 0) geometry += " -> " + ws[l] + "x" + hs[l];
            d[l] = head + geometry + " JPEG/RGB Q=" + settings.quality() + "|AppMag = " + mag + "|MPP = " + mpp
                    + "|Seed = " + settings.seed();
        }
        return d;
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Per-zone pixel, DAB and core counts summed over tiles (sums do not depend on order). */
    private static final class Truth {
        final long[] zonePixels = new long[TruthZone.VALUES.length];
        final long[] dabPixels = new long[TruthZone.VALUES.length * SyntheticSlideSettings.DAB_THRESHOLDS.length];
        final long[] corePixels;
        final long[] lymphCounts = new long[TruthZone.VALUES.length];

        Truth(int cores) { corePixels = new long[cores]; }

        void add(RenderedTile r) {
            for (int i = 0; i < zonePixels.length; i++) zonePixels[i] += r.zonePixels[i];
            for (int i = 0; i < dabPixels.length; i++) dabPixels[i] += r.dabPixels[i];
            for (int i = 0; i < corePixels.length; i++) corePixels[i] += r.corePixels[i];
            for (int i = 0; i < r.lymphCount; i++) lymphCounts[(int) r.lymph[3 * i + 2]]++;
        }
    }

    private void writeTruth(Path file, Path lymphFile, SlideLayout layout, Truth t, int[] ws, int[] hs,
            String imageName, boolean big) throws IOException {
        double px2mm2 = settings.pixelSizeUm() * settings.pixelSizeUm() * 1e-6;
        long tissue = 0;
        for (TruthZone z : TruthZone.VALUES) if (z.isTissue()) tissue += t.zonePixels[z.ordinal()];
        Gson gson = new Gson();
        try (Writer out = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8); JsonWriter j = new JsonWriter(out)) {
            j.setIndent(" ");
            j.beginObject();
            j.name("generator").value("necroptosis-scorer synthetic slide generator " + Versions.VERSION);
            j.name("image").value(imageName);
            j.name("width").value(settings.width());
            j.name("height").value(settings.height());
            j.name("pixel_size_um").value(settings.pixelSizeUm());
            j.name("seed").value(settings.seed());
            j.name("bigtiff").value(big);
            j.name("settings");
            gson.toJson(settings.toMap(), Map.class, j);
            boolean classic = settings.style() == SlideStyle.CLASSIC;
            boolean he = layout.look.he;
            if (!classic) {
                j.name("appearance");
                gson.toJson(layout.look.toMap(), Map.class, j);
            }
            j.name("levels").beginArray();
            for (int l = 0; l < ws.length; l++) {
                j.beginObject().name("width").value(ws[l]).name("height").value(hs[l])
                        .name("downsample").value(1L << l).endObject();
            }
            j.endArray();
            j.name("stain_vectors").beginObject();
            j.name("haematoxylin");
            vector(j, layout.stainH);
            j.name(he ? "eosin" : "dab");
            vector(j, layout.stainDab);
            j.endObject();
            j.name("glass_rgb");
            vector(j, layout.glass);
            j.name("zone_definition").value("necrosis: inside a core polygon; rim: tissue within rim_width_um "
                    + "(Euclidean) outside a core; stroma/viable: other tissue; background: outside the tissue; "
                    + "evaluated at pixel centres (x + 0.5, y + 0.5)");
            j.name("pixel_counts").beginObject();
            for (TruthZone z : TruthZone.VALUES) j.name(z.key()).value(t.zonePixels[z.ordinal()]);
            j.name("tissue").value(tissue);
            j.endObject();
            long nec = t.zonePixels[TruthZone.NECROSIS.ordinal()], rim = t.zonePixels[TruthZone.RIM.ordinal()];
            long via = t.zonePixels[TruthZone.VIABLE.ordinal()];
            j.name("areas_mm2").beginObject();
            j.name("tissue").value(tissue * px2mm2);
            j.name("necrosis").value(nec * px2mm2);
            j.name("rim").value(rim * px2mm2);
            j.name("viable").value(via * px2mm2);
            j.name("stroma").value(t.zonePixels[TruthZone.STROMA.ordinal()] * px2mm2);
            j.name("tumour").value((nec + rim + via) * px2mm2);
            j.name("background_excluded").value(t.zonePixels[TruthZone.BACKGROUND.ordinal()] * px2mm2);
            j.endObject();
            j.name("necrosis_fraction").value(ratio(nec, nec + rim + via));
            j.name("cores").beginArray();
            for (int c = 0; c < layout.cores.size(); c++) {
                SynthPolygon p = layout.cores.get(c);
                j.beginObject();
                j.name("id").value(c + 1);
                j.name("area_mm2").value(t.corePixels[c] * px2mm2);
                j.name("pixels").value(t.corePixels[c]);
                j.name("polygon_area_mm2").value(p.area() * px2mm2);
                j.name("polygon").beginArray();
                for (int i = 0; i < p.size(); i++) {
                    j.beginArray().value(round2(p.xs[i])).value(round2(p.ys[i])).endArray();
                }
                j.endArray();
                j.endObject();
            }
            j.endArray();
            j.name("tissue_polygon").beginArray();
            for (int i = 0; i < layout.tissue.size(); i++) {
                j.beginArray().value(round2(layout.tissue.xs[i])).value(round2(layout.tissue.ys[i])).endArray();
            }
            j.endArray();
            if (!classic) {
                // keratin, collagen and fat: stroma zone, neither tumour nor necrosis, no lymphocytes
                j.name("materials").beginArray();
                for (SlideLayout.Patch m : layout.patches) {
                    j.beginObject();
                    j.name("kind").value(m.kindName());
                    j.name("polygon_area_mm2").value(m.outline.area() * px2mm2);
                    j.name("polygon").beginArray();
                    for (int i = 0; i < m.outline.size(); i++) {
                        j.beginArray().value(round2(m.outline.xs[i])).value(round2(m.outline.ys[i])).endArray();
                    }
                    j.endArray();
                    j.endObject();
                }
                j.endArray();
            }
            if (!he) writeMlkl(j, t, tissue, nec, rim, via);
            j.name("lymphocytes").beginObject();
            long lymphTissue = 0;
            j.name("counts").beginObject();
            for (TruthZone z : TruthZone.VALUES) {
                if (!z.isTissue()) continue;
                j.name(z.key()).value(t.lymphCounts[z.ordinal()]);
                lymphTissue += t.lymphCounts[z.ordinal()];
            }
            j.name("tissue").value(lymphTissue);
            j.endObject();
            j.name("density_per_mm2").beginObject();
            for (TruthZone z : TruthZone.VALUES) {
                if (!z.isTissue()) continue;
                long px = t.zonePixels[z.ordinal()];
                j.name(z.key()).value(px == 0 ? 0 : t.lymphCounts[z.ordinal()] / (px * px2mm2));
            }
            j.name("tissue").value(tissue == 0 ? 0 : lymphTissue / (tissue * px2mm2));
            j.endObject();
            j.name("positions_format").value("[x, y, zone], level-0 pixels, row-major tile order");
            j.name("positions").beginArray();
            j.setIndent("");
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(lymphFile), 1 << 16))) {
                for (long i = 0; i < lymphTissue; i++) {
                    double x = in.readDouble(), y = in.readDouble();
                    int z = in.readByte();
                    j.beginArray().value(round2(x)).value(round2(y)).value(TruthZone.VALUES[z].key()).endArray();
                }
            }
            j.endArray();
            j.setIndent(" ");
            j.endObject();
            j.endObject();
        }
    }

    /** MLKL truth: DAB-positive fractions per zone and threshold, H-scores, necroptotic fractions (H-DAB slides only). */
    private static void writeMlkl(JsonWriter j, Truth t, long tissue, long nec, long rim, long via) throws IOException {
        double[] thr = SyntheticSlideSettings.DAB_THRESHOLDS;
        int nt = thr.length;
            j.name("dab_thresholds");
            vector(j, thr);
            j.name("mlkl_positive_fraction");
            fractions(j, t, 0, tissue);
            j.name("mlkl_positive_fraction_by_threshold").beginObject();
            for (int k = 0; k < nt; k++) {
                j.name(String.format(Locale.ROOT, "%.2f", thr[k]));
                fractions(j, t, k, tissue);
            }
            j.endObject();
            j.name("mlkl_h_score").beginObject();
            for (TruthZone z : TruthZone.VALUES) {
                if (!z.isTissue()) continue;
                j.name(z.key()).value(hScore(t, z.ordinal(), t.zonePixels[z.ordinal()]));
            }
            j.endObject();
            long posCoreRim = t.dabPixels[TruthZone.NECROSIS.ordinal() * nt] + t.dabPixels[TruthZone.RIM.ordinal() * nt];
            j.name("necroptotic_fraction").value(ratio(posCoreRim, nec + rim));
            j.name("necroptotic_tumour_burden").value(ratio(posCoreRim, nec + rim + via));
    }

    private static void vector(JsonWriter j, double[] v) throws IOException {
        j.beginArray();
        for (double d : v) j.value(Math.round(d * 1e6) / 1e6);
        j.endArray();
    }

    private static double round2(double v) { return Math.round(v * 100) / 100.0; }

    private static double ratio(long a, long b) { return b == 0 ? 0 : (double) a / b; }

    private static void fractions(JsonWriter j, Truth t, int k, long tissue) throws IOException {
        int nt = SyntheticSlideSettings.DAB_THRESHOLDS.length;
        j.beginObject();
        long all = 0;
        for (TruthZone z : TruthZone.VALUES) {
            if (!z.isTissue()) continue;
            long pos = t.dabPixels[z.ordinal() * nt + k];
            all += pos;
            j.name(z.key()).value(ratio(pos, t.zonePixels[z.ordinal()]));
        }
        j.name("tissue").value(ratio(all, tissue));
        j.endObject();
    }

    /** H-score 0-300 from exclusive weak/moderate/strong bins, as percentages of the zone's pixels. */
    private static double hScore(Truth t, int zone, long pixels) {
        if (pixels == 0) return 0;
        int nt = SyntheticSlideSettings.DAB_THRESHOLDS.length;
        double score = 0;
        for (int k = 0; k < nt; k++) {
            long atLeast = t.dabPixels[zone * nt + k];
            long above = k + 1 < nt ? t.dabPixels[zone * nt + k + 1] : 0;
            score += (k + 1) * 100.0 * (atLeast - above) / pixels;
        }
        return score;
    }

}
