package necroptosis.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import necroptosis.regions.UserRegions;
import necroptosis.scoring.CellCompartment;
import necroptosis.segmentation.NecrosisSegmenter;
import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusClassifier;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.UnknownPixelSizeException;
import necroptosis.stain.BackgroundEstimator;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainEstimator;
import necroptosis.stain.StainVectors;

/**
 * Scores one slide (DESIGN.md pipeline steps 2-7): overview, tiles in parallel, necrotic cores, zones.
 * GUI-free; progress and cancellation go through a {@link ProgressListener}. Results do not depend on the
 * number of threads: every tile writes only its own blocks, and all sums are made in a fixed order.
 */
public final class SlideAnalysis {
    private final AnalysisSettings settings;
    private final ProgressListener progress;

    public SlideAnalysis(AnalysisSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    public SlideResult run(SlideSource slide) throws IOException {
        return run(slide, TileAnalyzer::analyse);
    }

    /**
     * What is done with each tissue tile. The analysis; the benchmarks' decode-only baseline
     * (src/test: {@code DecodeOnlyRun}) gives a step that only reads the tile, to time everything but the
     * tile analysis on the same reader, margins, order and threads. A step may return null: no result.
     */
    interface TileStep {
        TileResult apply(TileAnalyzer analyzer, int index, int tilesX) throws IOException;
    }

    /** {@link #run(SlideSource)} with {@code step} done to each tissue tile. */
    SlideResult run(SlideSource slide, TileStep step) throws IOException {
        CellRecords records = settings.exportCells ? CellRecords.create() : null;
        try {
            return run(slide, step, records);
        } catch (IOException | RuntimeException | Error e) {
            if (records != null) {
                try {
                    records.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /** The run, with every tile's nuclei kept in {@code records} (null: not kept). */
    private SlideResult run(SlideSource slide, TileStep step, CellRecords records) throws IOException {
        long start = System.nanoTime();
        if (!slide.pixelSize().isKnown()) {
            throw new UnknownPixelSizeException(slide.path(), slide.pixelSize());
        }
        checkLimits(slide);
        progress.status("overview");
        Overview overview = Overview.read(slide, overviewPixelUm(slide));
        StainVectors stains;
        String backgroundHow;
        boolean backgroundFromBrightest = false;
        if (settings.background != null) {
            stains = settings.stains.withBackground(settings.background[0], settings.background[1], settings.background[2]);
            backgroundHow = "given by the user";
        } else {
            BackgroundEstimator.Background bg = new BackgroundEstimator().estimate(overview.rgb);
            stains = bg.applyTo(settings.stains);
            backgroundHow = bg.how();
            backgroundFromBrightest = bg.fromGlass();
        }
        float[] odSum = TissueRegion.smoothedOdSum(overview, new ColorDeconvolution(stains));
        TissueThreshold tissueThreshold = TissueThreshold.of(odSum, settings.tissueTest.minOdSum());
        if (!tissueThreshold.glass && backgroundFromBrightest) {
            backgroundHow += "; the field shows no glass, so these are its palest tissue (set the background when the glass level is known)";
        }
        String stainsHow = "preset " + settings.stains.name();
        if (settings.estimateStains) {
            StainEstimator.Result est = new StainEstimator().estimate(overview.rgb, stains);
            stains = est.stains();
            stainsHow = est.how();
        }
        ColorDeconvolution deconvolution = new ColorDeconvolution(stains);
        TissueRegion region = TissueRegion.of(overview, deconvolution, odSum, tissueThreshold.minOdSum, settings.tissueTest.minOdSum());
        UserRegions user = settings.userRegions;
        String regionsNote = null;
        if (user != null) {
            UserRegions.Fit fit = user.fitTo(slide.levels().get(0).width(), slide.levels().get(0).height());
            if (fit.outside) throw new SlideException(user.source() == null ? "regions" : user.source(), fit.outsideReason());
            user = fit.regions;
            regionsNote = fit.note();
            // Restrict (and exclusions) before the tiles: tissue outside is neither read nor counted.
            byte[] keep = user.analysedMask(overview.width, overview.height, overview.scale.level0PerPixel);
            if (keep != null) region = region.restrictedTo(keep);
        }
        byte[] overviewTissue = region.mask;

        ScaledLevel scale = new ScaledLevel(slide, settings.analysisPixelUm);
        int blockPx = Math.max(4, (int) Math.round(settings.blockUm / scale.pixelUm));
        double blockUm = blockPx * scale.pixelUm;
        int tilePx = blockPx * settings.tileBlocks;
        int gw = (int) ((scale.width + blockPx - 1) / blockPx), gh = (int) ((scale.height + blockPx - 1) / blockPx);
        BlockGrid grid = new BlockGrid(gw, gh, blockPx, blockUm, settings.cellMode);
        int tilesX = (int) ((scale.width + tilePx - 1) / tilePx), tilesY = (int) ((scale.height + tilePx - 1) / tilePx);

        List<Integer> todo = new ArrayList<>();
        for (int t = 0; t < tilesX * tilesY; t++) {
            if (hasTissue(overview, overviewTissue, scale, (t % tilesX) * (long) tilePx, (t / tilesX) * (long) tilePx, tilePx)) todo.add(t);
        }
        progress.status("tiles");
        double toOverview = scale.level0PerPixel / overview.scale.level0PerPixel;
        boolean nuclearMarker = settings.cellMode && settings.compartment == CellCompartment.NUCLEUS;
        SampleWindows samples = nucleusReference(scale, overview, overviewTissue, deconvolution, settings.nuclei, nuclearMarker, settings.thresholds.weak(), this::inParallel);
        double nucleusThreshold = samples.nucleusThresholdOd, slideNucleusOd = samples.slideNucleusOd;
        double necrosisLymphMinOd = NucleusClassifier.necrosisLymphMinOd(settings.nuclei, slideNucleusOd, samples.lymphSizedSplitOd);
        // Marker mode calls immune cells by their marker; darkness only tells debris there, by the necrosis input's bar.
        double immuneMinOd = settings.immuneMode == AnalysisSettings.ImmuneMode.MARKER ? necrosisLymphMinOd
                : NucleusClassifier.immuneMinOd(settings.nuclei, slideNucleusOd, samples.lymphSizedSplitOd, samples.lymphSizedDarkP90Od);
        double debrisMinOd = NucleusClassifier.debrisMinOd(settings.nuclei, slideNucleusOd);
        TileAnalyzer analyzer = new TileAnalyzer(scale, settings, deconvolution, grid, tilePx, region, toOverview, nucleusThreshold, immuneMinOd,
                debrisMinOd, necrosisLymphMinOd, records);
        List<TileResult> tileResults = runTiles(analyzer, step, todo, tilesX);
        grid.finishTiles();
        List<TileResult> tiles = BorderDuplicates.remove(tileResults, grid, scale.pixelUm);
        if (records != null) records.duplicatesRemoved(tiles);
        slide.releaseCaches();

        progress.status("necrosis");
        NecrosisSegmenter.Input input = grid.necrosisInput();
        NecrosisSegmenter.Result cores = user != null && user.overridesCores()
                ? NecrosisSegmenter.Result.ofMask(user.coreMask(grid.width, grid.height, grid.blockPx * scale.level0PerPixel),
                        grid.width, grid.height, input.tissueMm2)
                : new NecrosisSegmenter(settings.necrosis).segment(input);
        UncertainCores.Doubt[] coreDoubts = user != null && user.overridesCores() ? UncertainCores.none(cores.count)
                : UncertainCores.of(grid, cores.labels, cores.count, cores.referenceDensity);
        tiles = CoreImmuneCells.remove(tiles, grid, cores.labels, cores.densityRatio);
        BoundaryCells.assign(tiles, grid, cores.labels, cores.densityRatio);
        ZoneMap zones = ZoneMap.of(grid, cores.labels, settings.rimWidthUm);
        BoundaryCells.assignRimEdge(tiles, grid, zones, settings.rimWidthUm);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new SlideResult(slide, settings, stains, stainsHow, backgroundHow, scale, overview, overviewTissue, grid, cores, zones,
                tiles, tilesX * tilesY, tilesX * tilesY - todo.size(), ms, nucleusThreshold, slideNucleusOd, samples.lymphSizedSplitOd, samples.lymphSizedDarkP90Od, immuneMinOd,
                necrosisLymphMinOd, debrisMinOd,
                tissueThreshold.minOdSum, tissueThreshold.how, coreDoubts, regionsNote, records,
                appearanceNotes(stains, overview, overviewTissue, scale.pixelUm, samples));
    }

    /** Side of a threshold sample window and spacing of the windows on the slide, in µm. */
    static final double THRESHOLD_SAMPLE_UM = 256;

    /** Most windows sampled for the nucleus threshold. */
    static final int THRESHOLD_SAMPLES = 16;

    /**
     * Fewest nuclei for a darkness reference: of nuclei too large to be lymphocytes for the slide's nucleus reference, of
     * lymphocyte-sized ones for their split; with fewer, that term of the immune-cell darkness is left out.
     */
    static final int MIN_REFERENCE_NUCLEI = 20;

    /**
     * The slide's nucleus threshold and its nuclei's darkness: the threshold, the median mean OD of the nuclei too
     * large to be lymphocytes and Otsu's split of the mean OD of the lymphocyte-sized ones (each 0 when there are
     * fewer than {@value #MIN_REFERENCE_NUCLEI} such nuclei), from up to {@value #THRESHOLD_SAMPLES} windows of
     * {@value #THRESHOLD_SAMPLE_UM} µm. The threshold is Otsu's (floored, see
     * {@link NucleusDetector#threshold}) over the windows. The windows lie on a fixed grid in µm from the
     * slide's origin, and are chosen, evenly spread in raster order, from those at least half tissue in the
     * overview (any tissue when none is): the values depend on the slide alone, never on the tile size. One
     * threshold for all tiles keeps a nucleus's segmentation independent of which tile's window it is seen
     * in. The nuclei are then detected in the same windows at that threshold, as the tiles will detect them
     * (with the DAB added for a nuclear marker), and the median mean OD of the haematoxylin alone of those
     * larger than the largest lymphocyte ({@code lymphMaxAreaUm2}) is the slide's reference for an immune
     * cell's darkness ({@link NucleusClassifier#immuneMinOd}). Lymphocytes themselves are left out of it:
     * where they are most of the nuclei (a dense infiltrate, a TIL-rich field) they would raise their own bar
     * and the densest infiltrates would be counted least. The split of the lymphocyte-sized nuclei separates
     * paler cut tumour nuclei from darker lymphocytes where they form two populations (same method), and the 90th
     * percentile of the darker class caps the immune-cell bar ({@link NucleusClassifier#immuneMinOd}). The windows are read and filtered by {@code runner} (the run's
     * threads); their histograms and nuclei are gathered in the windows' order, so no value depends on
     * the threads.
     */
    static SampleWindows nucleusReference(ScaledLevel scale, Overview overview, byte[] tissue, ColorDeconvolution deconvolution,
            NucleusSettings nucleusSettings, boolean nuclearMarker, double weakDabOd, Runner runner) throws IOException {
        NucleusDetector detector = new NucleusDetector(nucleusSettings);
        NucleusClassifier sizes = new NucleusClassifier(nucleusSettings);
        List<int[]> windows = thresholdWindows(scale, overview, tissue);
        boolean dabStain = StainCheck.isDab(deconvolution.stains());
        List<Callable<Window>> reads = new ArrayList<>();
        for (int[] win : windows) {
            reads.add(() -> {
                int[] rgb = scale.read(win[0], win[1], win[2], win[3]);
                float[] hem = new float[win[2] * win[3]], dab = nuclearMarker || dabStain ? new float[hem.length] : null;
                deconvolution.deconvolve(rgb, hem, dab, null);
                return new Window(hem, nuclearMarker ? dab : null, FocusCheck.edgeWidthUm(hem, win[2], win[3], scale.pixelUm),
                        dabStain ? StainCheck.countClipped(rgb, dab, weakDabOd) : new long[2]);
            });
        }
        List<Window> stains = runner.all(reads);
        double[] widths = new double[windows.size()];
        long dabPositive = 0, dabClipped = 0;
        for (int k = 0; k < windows.size(); k++) {
            Window m = stains.get(k);
            widths[k] = m.edgeWidthUm;
            dabPositive += m.dabPositiveAndClipped[0];
            dabClipped += m.dabPositiveAndClipped[1];
        }
        List<Callable<int[]>> samples = new ArrayList<>();
        for (int k = 0; k < windows.size(); k++) {
            int[] win = windows.get(k);
            float[] hem = stains.get(k).hem;
            samples.add(() -> detector.histogramOfFiltered(hem, win[2], win[3], scale.pixelUm, null));
        }
        int[] hist = new int[256];
        for (int[] h : runner.all(samples)) for (int i = 0; i < hist.length; i++) hist[i] += h[i];
        double threshold = detector.threshold(hist);
        List<Callable<double[][]>> nuclei = new ArrayList<>();
        for (int k = 0; k < windows.size(); k++) {
            int[] win = windows.get(k);
            Window hd = stains.get(k);
            nuclei.add(() -> {
                List<Nucleus> found = detector.detect(hd.hem, hd.nuclearDab, null, win[2], win[3], scale.pixelUm, null, threshold);
                double[] large = new double[found.size()], lymphSized = new double[found.size()];
                int nl = 0, ns = 0;
                for (Nucleus nu : found) {
                    if (nu.areaUm2 > nucleusSettings.lymphMaxAreaUm2) large[nl++] = nu.chromatinOd;
                    else if (sizes.isLymphocyteSized(nu.areaUm2, nu.circularity)) lymphSized[ns++] = nu.chromatinOd;
                }
                return new double[][] {Arrays.copyOf(large, nl), Arrays.copyOf(lymphSized, ns)};
            });
        }
        List<double[][]> ods = runner.all(nuclei);
        double[] large = gathered(ods, 0), lymphSized = gathered(ods, 1);
        Arrays.sort(large);
        double median = large.length < MIN_REFERENCE_NUCLEI ? 0 : Median.ofSorted(large);
        double split = lymphSized.length < MIN_REFERENCE_NUCLEI ? 0 : OdSplit.otsu(lymphSized);
        return new SampleWindows(threshold, median, split, darkP90(lymphSized, split), FocusCheck.medianWidth(widths), dabPositive, dabClipped);
    }

    /**
     * The {@value NucleusSettings#LYMPH_DARK_CLASS_QUANTILE} quantile of the values at or above {@code split}; 0 when the split is
     * unknown (0) or nothing is above it.
     */
    static double darkP90(double[] values, double split) {
        if (!(split > 0)) return 0;
        double[] dark = Arrays.stream(values).filter(v -> v >= split).sorted().toArray();
        return dark.length == 0 ? 0 : dark[(int) Math.floor(NucleusSettings.LYMPH_DARK_CLASS_QUANTILE * (dark.length - 1))];
    }

    /** The {@code which}-th array of every window, one after another in the windows' order. */
    private static double[] gathered(List<double[][]> perWindow, int which) {
        int n = 0;
        for (double[][] o : perWindow) n += o[which].length;
        double[] all = new double[n];
        n = 0;
        for (double[][] o : perWindow) {
            System.arraycopy(o[which], 0, all, n, o[which].length);
            n += o[which].length;
        }
        return all;
    }

    /** One sample window as read: its stains and what it shows of focus and DAB. */
    private static final class Window {
        final float[] hem;
        /** The DAB, for a nuclear marker's detection; else null. */
        final float[] nuclearDab;
        final double edgeWidthUm;
        /** {@link StainCheck#countClipped}; zeros when the second stain is no DAB. */
        final long[] dabPositiveAndClipped;

        Window(float[] hem, float[] nuclearDab, double edgeWidthUm, long[] dabPositiveAndClipped) {
            this.hem = hem;
            this.nuclearDab = nuclearDab;
            this.edgeWidthUm = edgeWidthUm;
            this.dabPositiveAndClipped = dabPositiveAndClipped;
        }
    }

    /** What the sample windows of {@link #nucleusReference} tell about the slide. */
    static final class SampleWindows {
        final double nucleusThresholdOd;
        /** Median chromatin OD of the nuclei too large to be lymphocytes; 0 when fewer than {@link #MIN_REFERENCE_NUCLEI}. */
        final double slideNucleusOd;
        /**
         * Otsu's split of the chromatin OD of the lymphocyte-sized nuclei ({@link OdSplit#otsu}); 0 when fewer than
         * {@link #MIN_REFERENCE_NUCLEI}.
         */
        final double lymphSizedSplitOd;
        /** The 90th percentile of the lymphocyte-sized nuclei at or above that split (0 when the split is unknown). */
        final double lymphSizedDarkP90Od;
        /** {@link FocusCheck#edgeWidthUm}, the median over the windows; NaN when none could be measured. */
        final double edgeWidthUm;
        /** Pixels above the weak DAB threshold, and of them those whose DAB is clipped ({@link StainCheck#countClipped}). */
        final long dabPositive, dabClipped;

        SampleWindows(double nucleusThresholdOd, double slideNucleusOd, double lymphSizedSplitOd, double lymphSizedDarkP90Od,
                double edgeWidthUm, long dabPositive, long dabClipped) {
            this.nucleusThresholdOd = nucleusThresholdOd;
            this.slideNucleusOd = slideNucleusOd;
            this.lymphSizedSplitOd = lymphSizedSplitOd;
            this.lymphSizedDarkP90Od = lymphSizedDarkP90Od;
            this.edgeWidthUm = edgeWidthUm;
            this.dabPositive = dabPositive;
            this.dabClipped = dabClipped;
        }
    }

    /** The notes on how the slide looks against the preset: eosin or no DAB, clipped DAB, out of focus. */
    private List<String> appearanceNotes(StainVectors stains, Overview overview, byte[] tissue, double pixelUm, SampleWindows samples) {
        List<String> notes = new ArrayList<>();
        String stain = StainCheck.note(stains, settings.thresholds.weak(), overview.rgb, tissue, settings.marker);
        if (stain != null) notes.add(stain);
        String clipped = StainCheck.clippedNote(samples.dabPositive, samples.dabClipped, settings.marker);
        if (clipped != null) notes.add(clipped);
        String focus = FocusCheck.note(samples.edgeWidthUm, pixelUm);
        if (focus != null) notes.add(focus);
        return notes;
    }

    /** Runs tasks and returns their results in the tasks' order. */
    interface Runner {
        <T> List<T> all(List<Callable<T>> tasks) throws IOException;
    }

    /** The sample windows of {@link #nucleusReference}: {x, y, width, height} in pixels of {@code scale}. */
    static List<int[]> thresholdWindows(ScaledLevel scale, Overview overview, byte[] tissue) {
        int side = (int) Math.max(16, Math.round(THRESHOLD_SAMPLE_UM / scale.pixelUm));
        double toOverview = scale.level0PerPixel / overview.scale.level0PerPixel;
        List<int[]> mostlyTissue = new ArrayList<>(), someTissue = new ArrayList<>();
        for (long y = 0; y < scale.height; y += side) {
            for (long x = 0; x < scale.width; x += side) {
                int w = (int) Math.min(side, scale.width - x), h = (int) Math.min(side, scale.height - y);
                double f = tissueFraction(overview, tissue, x * toOverview, y * toOverview, (x + w) * toOverview, (y + h) * toOverview);
                int[] window = {(int) x, (int) y, w, h};
                if (f >= 0.5) mostlyTissue.add(window);
                else if (f > 0) someTissue.add(window);
            }
        }
        List<int[]> windows = mostlyTissue.isEmpty() ? someTissue : mostlyTissue;
        List<int[]> chosen = new ArrayList<>();
        int step = Math.max(1, (windows.size() + THRESHOLD_SAMPLES - 1) / THRESHOLD_SAMPLES);
        for (int k = step / 2; k < windows.size(); k += step) chosen.add(windows.get(k));
        return chosen;
    }

    /** Tissue fraction of the overview pixels whose centres lie in [x0, x1) x [y0, y1) (overview pixels); 0 when none do. */
    private static double tissueFraction(Overview o, byte[] tissue, double x0, double y0, double x1, double y1) {
        int ox0 = (int) Math.max(0, Math.ceil(x0 - 0.5)), oy0 = (int) Math.max(0, Math.ceil(y0 - 0.5));
        int ox1 = (int) Math.min(o.width, Math.ceil(x1 - 0.5)), oy1 = (int) Math.min(o.height, Math.ceil(y1 - 0.5));
        long all = 0, in = 0;
        for (int oy = oy0; oy < oy1; oy++) for (int ox = ox0; ox < ox1; ox++) {
            all++;
            if (tissue[oy * o.width + ox] != 0) in++;
        }
        return all == 0 ? 0 : in / (double) all;
    }

    /** Fewest overview pixels on the long side: a small field (a TMA core, a crop) is not reduced to a thumbnail. */
    static final int MIN_OVERVIEW_PIXELS = 1024;

    /**
     * The overview resolution: the configured ~8 µm/px for whole slides, finer for small fields so that
     * glass, tissue edges and pale tissue are still resolved, but never finer than the analysis.
     */
    private double overviewPixelUm(SlideSource slide) {
        necroptosis.slide.Level l0 = slide.levels().get(0);
        double longSideUm = Math.max(l0.width(), l0.height()) * slide.pixelSize().micrometers();
        return Math.max(settings.analysisPixelUm, Math.min(settings.overviewPixelUm, longSideUm / MIN_OVERVIEW_PIXELS));
    }

    private List<TileResult> runTiles(TileAnalyzer analyzer, TileStep step, List<Integer> todo, int tilesX) throws IOException {
        AtomicInteger done = new AtomicInteger();
        // Tiles whose windows have the same size run one after another, the largest (inner) ones first: a
        // worker keeps the work arrays of one window size only (ScratchBySize), and the windows cut at the
        // slide's edges (up to eight more sizes) then cost a few new arrays per run rather than several
        // sets kept per thread, a few hundred MB of the heap. The results go back into the tiles' order.
        List<Integer> order = new ArrayList<>(todo);
        order.sort(Comparator.comparingInt((Integer t) -> -analyzer.windowPixels(t, tilesX)).thenComparingInt(t -> t));
        List<Callable<TileResult>> tasks = new ArrayList<>(order.size());
        for (int t : order) {
            tasks.add(() -> {
                TileResult r = step.apply(analyzer, t, tilesX);
                progress.tiles(done.incrementAndGet(), todo.size());
                return r;
            });
        }
        List<TileResult> results = new ArrayList<>(todo.size());
        for (TileResult r : inParallel(tasks)) if (r != null) results.add(r);
        results.sort(Comparator.comparingInt(r -> r.index));
        return results;
    }

    /**
     * Runs the tasks on {@link AnalysisSettings#threads} threads and returns their results in the tasks'
     * order. Tasks not yet started when the user cancels end at once.
     */
    private <T> List<T> inParallel(List<Callable<T>> tasks) throws IOException {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads, r -> {
            Thread th = new Thread(r, "necroptosis-tile");
            th.setDaemon(true);
            workers.add(th);
            return th;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    if (progress.isCancelled()) throw new CancellationException("cancelled");
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            // The first failure or cancellation ends the run: tasks still queued see the cancellation and
            // end at once, shutdownNow below drops the rest, and the workers are gone before run() returns.
            Throwable c = e.getCause();
            if (c instanceof CancellationException) throw (CancellationException) c;
            if (c instanceof IOException) throw (IOException) c;
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            if (c instanceof Error) throw (Error) c;
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
            // The caller closes the slide next: no worker may still be reading it. The pool counts as
            // terminated a moment before its threads have ended; joining them means they are gone, with
            // the work arrays they hold per thread, when this returns.
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
                for (Thread th : workers) th.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the overview shows tissue under a tile (or one overview pixel around it). */
    private static boolean hasTissue(Overview o, byte[] tissue, ScaledLevel scale, long x, long y, int tilePx) {
        double f = scale.level0PerPixel / o.scale.level0PerPixel;
        int ox0 = (int) Math.max(0, Math.floor(x * f) - 1), oy0 = (int) Math.max(0, Math.floor(y * f) - 1);
        int ox1 = (int) Math.min(o.width - 1, Math.ceil((x + tilePx) * f) + 1), oy1 = (int) Math.min(o.height - 1, Math.ceil((y + tilePx) * f) + 1);
        for (int oy = oy0; oy <= oy1; oy++) for (int ox = ox0; ox <= ox1; ox++) if (tissue[oy * o.width + ox] != 0) return true;
        return false;
    }

    /**
     * Refuses, before any pixel is read, a slide whose whole-slide arrays could not be held: coordinates
     * of the analysis level, the block grid and the tile list are int-indexed, and the block grid, its
     * zone maps and the overview (at most {@link Overview#MAX_PIXELS}) must fit in the heap with room
     * to spare for the tiles in flight. Per-tile memory does not grow with the slide.
     */
    void checkLimits(SlideSource slide) throws SlideException {
        ScaledLevel scale = new ScaledLevel(slide, settings.analysisPixelUm);
        ScaledLevel overview = new ScaledLevel(slide, overviewPixelUm(slide));
        int blockPx = Math.max(4, (int) Math.round(settings.blockUm / scale.pixelUm));
        long tilePx = (long) blockPx * settings.tileBlocks;
        long gw = (scale.width + blockPx - 1) / blockPx, gh = (scale.height + blockPx - 1) / blockPx;
        long tiles = ((scale.width + tilePx - 1) / tilePx) * ((scale.height + tilePx - 1) / tilePx);
        long blocks = gw * gh;
        // The block grid; zones, cores and distances add about as much again.
        long bytes = blocks * 2 * BlockGrid.bytesPerBlock(settings.cellMode)
                + Math.min(Overview.MAX_PIXELS, overview.width * overview.height) * 8; // RGB and masks
        long heap = Runtime.getRuntime().maxMemory();
        String size = String.format(Locale.ROOT, "%d x %d px at %.3g um/px", scale.width, scale.height, scale.pixelUm);
        if (scale.width + 2 * tilePx > Integer.MAX_VALUE || scale.height + 2 * tilePx > Integer.MAX_VALUE
                || blocks > Integer.MAX_VALUE / 2 || tiles > Integer.MAX_VALUE / 2) {
            throw new SlideException(slide.path(), "too large to analyse (" + size + ", " + gw + " x " + gh
                    + " blocks); the largest is about 2 billion pixels per side and 1 billion blocks");
        }
        if (bytes > heap / 2) {
            throw new SlideException(slide.path(), String.format(Locale.ROOT,
                    "too large for this Java heap (%s needs about %d MB of whole-slide arrays, at most %d MB available);"
                    + " give Java more memory (-Xmx) or analyse at a coarser analysis pixel size", size, bytes >> 20, (heap / 2) >> 20));
        }
    }
}
