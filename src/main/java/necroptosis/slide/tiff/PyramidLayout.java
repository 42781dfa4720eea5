package necroptosis.slide.tiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Picks the IFDs that form the resolution pyramid, full resolution first.
 * <ul>
 * <li>OME-TIFF and other SubIFD pyramids: IFD 0 plus its SubIFDs (tag 330). Other main-chain IFDs of an
 * OME-TIFF are further planes or series, never levels.</li>
 * <li>Aperio SVS: IFD 0 plus the later <em>tiled</em> IFDs; the thumbnail (stripped IFD 1), label and
 * macro (stripped, flagged by NewSubfileType or named in ImageDescription) are left out.</li>
 * <li>Generic pyramids: IFD 0 plus later IFDs flagged reduced-resolution (NewSubfileType bit 0), or
 * tiled, that are not masks, labels, macros or thumbnails.</li>
 * </ul>
 * In every case a level must be smaller than the one before and keep level 0's aspect ratio, which also
 * keeps out associated images in files whose layout was not recognised.
 */
final class PyramidLayout {
    private PyramidLayout() {}

    static boolean isSvs(Ifd first) {
        return first.description().startsWith("Aperio");
    }

    static List<Ifd> levels(List<Ifd> chain) {
        Ifd base = chain.get(0);
        List<Ifd> candidates = new ArrayList<>();
        if (!base.subIfds().isEmpty()) {
            candidates.addAll(base.subIfds());
        } else if (isOme(base)) {
            // OME-TIFF keeps reduced resolutions only in SubIFDs; later main IFDs are other planes or series.
        } else {
            boolean svs = isSvs(base);
            for (int i = 1; i < chain.size(); i++) {
                Ifd ifd = chain.get(i);
                long type = ifd.newSubfileType();
                if ((type & TiffTags.SUBFILE_MASK) != 0 || isAssociated(ifd)) continue;
                if (svs ? ifd.isTiled() : ((type & TiffTags.SUBFILE_REDUCED) != 0 || ifd.isTiled())) candidates.add(ifd);
            }
        }
        // Largest first; then keep strictly shrinking levels with level 0's aspect ratio.
        Collections.sort(candidates, new Comparator<Ifd>() {
            @Override
            public int compare(Ifd a, Ifd b) {
                return Long.compare(b.width(), a.width());
            }
        });
        List<Ifd> levels = new ArrayList<>();
        levels.add(base);
        long W = base.width();
        long H = base.height();
        for (Ifd c : candidates) {
            Ifd last = levels.get(levels.size() - 1);
            long w = c.width();
            long h = c.height();
            if (w <= 0 || h <= 0 || w >= last.width() || h >= last.height()) continue;
            double expectedH = (double) H * w / W;
            if (Math.abs(h - expectedH) > Math.max(2, 0.02 * expectedH)) continue;
            levels.add(c);
        }
        return levels;
    }

    static boolean isOme(Ifd first) {
        return first.description().contains("<OME");
    }

    private static boolean isAssociated(Ifd ifd) {
        String d = ifd.description().toLowerCase(Locale.ROOT);
        // Aperio puts "label"/"macro" on its own line; other writers use the word alone.
        return d.contains("label") || d.contains("macro") || d.startsWith("thumbnail");
    }
}
