// Step 7 of the lesson, exercises 2 and 3: more calls than workers. How are the calls spread
// over the workers? The recorder behind calls() noted which worker ran which task, and when.
// Demo: /open jshell/step7-spread.jsh, then spread(2, 6), spread(4, 12), ...
System.out.println("Step 7: more calls than workers: each worker takes the next waiting task as soon as it is free; calls() shows who ran what");
void spread(int workers, int tasks) {
    clearCalls();                                                 // start a clean record
    try (var pool = pool(workers)) {
        for (int i = 0; i < tasks; i++) {
            double seconds = 1 + i % 3;                           // 1, 2, 3, 1, 2, 3, ... seconds
            int x = i;
            pool.submit(() -> slowAdd(seconds, x, 1));
        }
    }                                                             // close() waits for all of them
    System.out.printf("%n%d tasks on %d worker(s), from calls():%n", tasks, workers);
    var byWorker = calls().stream()                               // calls() are in the order they started
            .collect(Collectors.groupingBy(c -> c.worker(), TreeMap::new, Collectors.toList()));
    byWorker.forEach((worker, ran) -> System.out.println("  " + worker + " ran " + ran.stream()
            .map(c -> String.format("task %d (%.1f to %.1f s)", c.task(), c.startSeconds(), c.endSeconds()))
            .collect(Collectors.joining(", "))));
}
spread(3, 9);
System.out.println("Try spread(1, 6), spread(2, 6) or spread(5, 10): which worker gets which task?");
