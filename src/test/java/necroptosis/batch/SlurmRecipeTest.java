package necroptosis.batch;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README's SLURM recipe is run on a real SLURM by src/test/slurm/recipe.sh, by hand (CI has no SLURM). This
 * keeps that script able to find the recipe: it takes the job script and the submit, resubmit and retry lines
 * from the README, and a README edit that moves or rewords them would otherwise go unnoticed until someone runs
 * it on a cluster.
 */
class SlurmRecipeTest {
    @Test
    void recipeScriptFindsTheReadmesJobScriptAndSubmitLines() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/bash")), "no bash");
        Process p = new ProcessBuilder("/bin/bash", "src/test/slurm/recipe.sh", "--extract-only").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "recipe.sh --extract-only did not end");
        assertEquals(0, p.exitValue(), out);

        Map<String, String> files = new LinkedHashMap<>();
        String name = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("==> ")) files.put(name = line.substring(4), "");
            else if (name != null) files.put(name, files.get(name) + line + "\n");
        }
        assertEquals(Arrays.asList("score.sbatch", "submit.sh", "resubmit.sh", "retry.sh"), Arrays.asList(files.keySet().toArray()));
        String job = files.get("score.sbatch");
        assertTrue(job.contains("#SBATCH --output=logs/shard-%a.log"), job);
        assertTrue(job.contains("#SBATCH --open-mode=append"), "a resubmitted task keeps its earlier log: " + job);
        assertTrue(job.contains("--shard $SLURM_ARRAY_TASK_ID/$N"), job);
        List<String> submit = Arrays.asList(files.get("submit.sh").split("\n"));
        assertEquals("mkdir -p logs results", submit.get(0), "logs/ must exist before sbatch");
        assertTrue(submit.get(2).startsWith("sbatch --dependency=afterany:$jobid "), submit.toString());
        List<String> resubmit = Arrays.asList(files.get("resubmit.sh").split("\n"));
        assertEquals("jobid=$(sbatch --parsable --array=2 score.sbatch)", resubmit.get(0));
        assertEquals(submit.subList(2, submit.size()), resubmit.subList(1, resubmit.size()),
                "the README says the merge after a resubmit is the same line");
        assertTrue(submit.get(3).contains("merge results/shard-* --out results --move-folders"), submit.toString());
        assertTrue(files.get("retry.sh").contains("batch cohort.txt --out results --threads 1"), files.get("retry.sh"));
    }

    private static String read(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) b.write(buf, 0, n);
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }
}
