// Step 6 of the lesson, exercise 1: the number of workers is a parameter, like
// ProcessPoolExecutor(max_workers=int(sys.argv[1])) or Pool(processes=int(sys.argv[1])).
// Demo: /open jshell/step6-workers.jsh, then watchFutures(1), watchFutures(2), ...
System.out.println("Step 6: the number of workers as a parameter: with fewer workers the five tasks wait for each other");
void watchFutures(int workers) {
    double start = time();
    List<Future<Integer>> futures = new ArrayList<>();
    try (var pool = pool(workers)) {                              // ProcessPoolExecutor(max_workers=workers)
        futures.add(pool.submit(() -> slowAdd(3.1, 6, 7)));
        futures.add(pool.submit(() -> slowDiff(2.1, 5, 2)));
        futures.add(pool.submit(() -> slowAdd(1.1, 8, 1)));
        futures.add(pool.submit(() -> slowDiff(5.1, 9, 2)));
        futures.add(pool.submit(() -> brokenFunction(4.1)));
        while (true) {
            boolean allFinished = true;
            System.out.println("\nHave the workers finished?");
            for (int i = 0; i < futures.size(); i++) {
                if (futures.get(i).isDone()) {
                    System.out.println("Task " + i + " has finished");
                } else {
                    allFinished = false;
                    System.out.println("Task " + i + " is running...");
                }
            }
            if (allFinished) {
                break;
            }
            sleep(1);
        }
    }
    System.out.println("\nHere are the results.");
    for (int i = 0; i < futures.size(); i++) {
        try {
            System.out.println("Task " + i + " was successful. Result is " + futures.get(i).get());
        } catch (ExecutionException | InterruptedException e) {
            System.out.println("Task " + i + " failed!");
            System.out.println(" Error = " + e.getCause().getClass() + " : " + e.getCause().getMessage());
        }
    }
    System.out.printf("%nWith %d worker(s) the whole run took %.1f s%n", workers, time() - start);
}
int workers = 5;                                                  // int(sys.argv[1])
watchFutures(workers);
System.out.println("Try watchFutures(1) and watchFutures(2): Python's future.py took 16 s with 1 worker, 9 s with 2, 6 s with 5");
