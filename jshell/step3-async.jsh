// Step 3 of the lesson (applyasync.py): two calls at once. The second submit does not wait for
// the first call; only get() waits. Demo: /open jshell/step3-async.jsh   (about 2 s)
System.out.println("Step 3: submit twice, then get twice: the two 1-second calls run at the same time");
try (var pool = pool(2)) {
    double start = time();                                      // start = time.time()
    Future<Integer> r1 = pool.submit(() -> slowAdd(1, 6, 7));
    Future<Integer> r2 = pool.submit(() -> slowAdd(1, 2, 3));
    System.out.println("Result one is " + r1.get());
    System.out.println("Result two is " + r2.get());
    System.out.printf("Two 1-second calls took %.1f s%n", time() - start);
}
// Pool.apply_async returns an AsyncResult; Java's CompletableFuture plays that part:
// supplyAsync(..., pool) is apply_async, join() waits like wait() and then returns the result.
System.out.println("Pool.apply_async in Java: CompletableFuture.supplyAsync(() -> slowAdd(1, 6, 7), pool), then join()");
try (var pool = pool(2)) {
    double start = time();
    CompletableFuture<Integer> r1 = CompletableFuture.supplyAsync(() -> slowAdd(1, 6, 7), pool);
    CompletableFuture<Integer> r2 = CompletableFuture.supplyAsync(() -> slowAdd(1, 2, 3), pool);
    r1.join();                                                  // r1.wait()
    System.out.println("Result one is " + r1.get());            // r1.get()
    r2.join();
    System.out.println("Result two is " + r2.get());
    System.out.printf("Two 1-second calls took %.1f s%n", time() - start);
}
