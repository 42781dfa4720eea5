package necroptosis.accuracy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The true lymphocytes of a synthetic slide's truth file: level-0 positions and the zone the generator put each in. */
final class TruthLymphocytes {
    /** Position {x, y} of each lymphocyte in level-0 pixels. */
    final double[][] positions;
    /** The generator's zone of each lymphocyte ("necrosis", "rim", "viable", "stroma"). */
    final String[] zones;

    private TruthLymphocytes(double[][] positions, String[] zones) {
        this.positions = positions;
        this.zones = zones;
    }

    static TruthLymphocytes of(JsonObject truth) {
        JsonArray pos = truth.getAsJsonObject("lymphocytes").getAsJsonArray("positions");
        int n = pos.size();
        double[][] p = new double[n][];
        String[] z = new String[n];
        for (int i = 0; i < n; i++) {
            JsonArray a = pos.get(i).getAsJsonArray();
            p[i] = new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble()};
            z[i] = a.get(2).getAsString();
        }
        return new TruthLymphocytes(p, z);
    }

    int size() { return positions.length; }

    /**
     * The nearest true lymphocyte within {@code radius} of level-0 point (x, y) not yet {@code used}
     * (marked used here), or -1: the greedy one-to-one match of the accuracy tools.
     */
    int matchNearest(double x, double y, double radius, boolean[] used) {
        int best = -1;
        double bestD = radius;
        for (int k = 0; k < positions.length; k++) {
            if (used[k] || Math.abs(positions[k][0] - x) > radius || Math.abs(positions[k][1] - y) > radius) continue;
            double d = Math.hypot(positions[k][0] - x, positions[k][1] - y);
            if (d <= bestD) {
                bestD = d;
                best = k;
            }
        }
        if (best >= 0) used[best] = true;
        return best;
    }
}
