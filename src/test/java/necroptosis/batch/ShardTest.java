package necroptosis.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Shards split a list into disjoint parts that together are the list. */
class ShardTest {
    @Test
    void shardsAreDisjointAndCoverTheListInOrder() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) all.add(i);
        for (int n = 1; n <= 7; n++) {
            Set<Integer> seen = new HashSet<>();
            int total = 0;
            for (int k = 1; k <= n; k++) {
                List<Integer> part = Shard.parse(k + "/" + n).select(all);
                for (int i = 1; i < part.size(); i++) assertTrue(part.get(i - 1) < part.get(i), "keeps the list order");
                assertTrue(part.size() >= all.size() / n && part.size() <= all.size() / n + 1, "balanced: " + part);
                seen.addAll(part);
                total += part.size();
            }
            assertEquals(all.size(), total, "disjoint");
            assertEquals(new HashSet<>(all), seen, "covering");
        }
        assertEquals(Arrays.asList(1, 4), Shard.parse(" 2 / 3 ").select(Arrays.asList(0, 1, 2, 3, 4)));
    }

    @Test
    void badShardsNameTheValue() {
        for (String bad : new String[] {"0/3", "4/3", "1/0", "3", "a/b", "", "-1/2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("k/n"), e.getMessage());
        }
        assertEquals("3/8", Shard.parse("3/8").toString());
    }
}
