package necroptosis.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The output files are written in parallel: a failure is reported only after every other file is done. */
class ParallelWritingTest {

    @Test
    void firstFailureInTaskOrderIsThrownAfterAllTasksEnded() {
        AtomicBoolean slowDone = new AtomicBoolean();
        List<ResultWriter.FileTask> tasks = new ArrayList<>();
        tasks.add(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IOException("interrupted");
            }
            slowDone.set(true);
        });
        tasks.add(() -> {
            throw new IOException("second.png: disk full");
        });
        tasks.add(() -> {
            throw new IllegalStateException("third");
        });
        IOException e = assertThrows(IOException.class, () -> ResultWriter.runAll(tasks, 3));
        assertEquals("second.png: disk full", e.getMessage());
        assertTrue(slowDone.get(), "runAll returned while a file was still being written");
    }

    @Test
    void everyTaskRunsOnceWithOneThread() throws IOException {
        int[] count = new int[1];
        List<ResultWriter.FileTask> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) tasks.add(() -> count[0]++);
        ResultWriter.runAll(tasks, 1);
        assertEquals(5, count[0]);
    }
}
