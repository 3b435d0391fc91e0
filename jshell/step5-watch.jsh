// Step 5 of the lesson (future.py): five tasks of 3.1, 2.1, 1.1, 5.1 and 4.1 s, the last one
// broken. Watch them finish once a second, then read the results; the exception of the broken
// one waits in its future until get(). Demo: /open jshell/step5-watch.jsh   (about 9 s with 2 workers)
System.out.println("Step 5: future.py: watch five futures finish, then read their results; the failure is held in its future");
quiet(true);                                                      // future.py's functions print nothing
{
    List<Future<Integer>> futures = new ArrayList<>();
    try (var pool = pool()) {
        futures.add(pool.submit(() -> slowAdd(3.1, 6, 7)));
        futures.add(pool.submit(() -> slowDiff(2.1, 5, 2)));
        futures.add(pool.submit(() -> slowAdd(1.1, 8, 1)));
        futures.add(pool.submit(() -> slowDiff(5.1, 9, 2)));
        futures.add(pool.submit(() -> brokenFunction(4.1)));

        while (true) {
            boolean allFinished = true;
            System.out.println("\nHave the workers finished?");
            for (int i = 0; i < futures.size(); i++) {
                if (futures.get(i).isDone()) {                    // future.done() / future.ready()
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
            int result = futures.get(i).get();
            System.out.println("Task " + i + " was successful. Result is " + result);
        } catch (ExecutionException e) {                          // future.exception() is not None
            System.out.println("Task " + i + " failed!");
            Throwable error = e.getCause();
            System.out.println(" Error = " + error.getClass() + " : " + error.getMessage());
        }
    }
}
quiet(false);                                                     // the slow functions talk again
