package necroptosis.ij;

import necroptosis.Versions;

/** The Help button's text: what the settings mean, in the words of the README (which has the details). */
final class Help {
    private Help() {}

    static final String HTML = "<html><body style='width:520px'>"
            + "<h3>Necroptosis Scorer " + Versions.VERSION + "</h3>"
            + "<p>Finds necrotic tumour cores on a whole-slide MLKL (DAB) IHC image, scores MLKL per zone "
            + "(core, peri-necrotic rim, viable tumour) and measures immune-cell density. Results go to "
            + "<i>output folder/slide name/</i>: summary.json, tiles.csv, distance_profile.csv, QC images, "
            + "necrosis.geojson (QuPath) and rois.zip (ROI Manager).</p>"
            + "<h4>Settings</h4><ul>"
            + "<li><b>Pixel size</b>: level-0 µm per pixel; 0 reads it from the file. A slide without one is refused.</li>"
            + "<li><b>Analysis pixel size</b>: resolution of the tile analysis (0.5 µm/px is about 20x).</li>"
            + "<li><b>Stains</b>: colour-deconvolution vectors (H-DAB for MLKL IHC); custom vectors as "
            + "R,G,B;R,G,B optical densities; <b>Background</b> = glass intensity when the image has no glass.</li>"
            + "<li><b>Weak / Moderate / Strong</b>: DAB optical-density thresholds of the 1+/2+/3+ bins. "
            + "MLKL-positive = DAB OD &ge; weak. H-score = 1&times;%weak + 2&times;%moderate + 3&times;%strong.</li>"
            + "<li><b>Cells</b>: also score cells (nuclei expanded by the cell expansion) by the mean DAB of a compartment.</li>"
            + "<li><b>Min core area</b>: smallest necrotic core (mm&sup2;). <b>Rim width</b>: the peri-necrotic rim (µm) around each core.</li>"
            + "<li><b>Regions</b>: polygons (QuPath GeoJSON, ImageJ .roi / RoiSet.zip) that <i>override</i> the automatic "
            + "cores or <i>restrict</i> the analysis. On the current image, its area selection restricts the analysis.</li>"
            + "<li><b>Immune cells</b>: <i>morphological</i> (small round dark nuclei) or <i>marker</i> (DAB-positive "
            + "lymphocyte-sized cells, for CD45/CD3/CD8 slides).</li>"
            + "</ul>"
            + "<p>Esc cancels between tiles (nothing is written). In a macro every field is a key: "
            + "<tt>run(\"Score Slide...\", \"slide=[/data/case1.svs] output=[/data/results] weak=0.15\");</tt> "
            + "Keys left out keep their defaults. See the README's Fiji section for headless and cluster use.</p>"
            + "</body></html>";

    static final String OVERLAY_HTML = "<html><body style='width:480px'>"
            + "<h3>Show Results Overlay</h3>"
            + "<p>Puts a saved result back on an open image of the same slide, at any level (the slide itself, "
            + "one of its levels, or a downsampled copy): tissue, necrotic cores and peri-necrotic rims from "
            + "necrosis.geojson, and a half-transparent tile heatmap from tiles.csv, clipped to the tissue.</p>"
            + "<ul><li><b>Result folder</b>: one slide's output folder, the one holding summary.json.</li>"
            + "<li><b>Image</b>: the open image to draw on (the front image unless you choose another).</li>"
            + "<li><b>Heatmap</b>: <i>mlkl</i> (H-score per tile), <i>immune</i> (immune cells per mm&sup2;) or "
            + "<i>none</i> (outlines only; run the command again with <i>none</i> to hide the heatmap and keep the outlines).</li>"
            + "<li><b>Nuclei</b>: every nucleus of cells.csv (a result scored with <i>Export cells</i>) as points, one "
            + "selection per class (immune, tumour, other, debris, pyknotic) in its colour.</li></ul>"
            + "<p>The scale comes from the image's width over the slide's (summary.json); an image of another "
            + "slide or a crop is refused. overview.png is a figure with margins, not a level: open the slide.</p>"
            + "<p>Macro: <tt>run(\"Show Results Overlay...\", \"result=[/data/results/case1] heatmap=immune\");</tt> "
            + "draws on the front image; <tt>image=[title]</tt> chooses another.</p>"
            + "</body></html>";
}
