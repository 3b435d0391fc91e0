// Step 4 of the lesson: what a future offers. Ask if it is done, get the result, find out that
// it failed. Demo: /open jshell/step4-future.jsh   (about 2 s)
System.out.println("Step 4: a Future: isDone() asks, get() waits and returns, a failure comes out of get() as ExecutionException");
try (var pool = pool(2)) {
    Future<Integer> r = pool.submit(() -> slowAdd(1, 6, 7));
    Future<Integer> broken = pool.submit(() -> brokenFunction(1));
    System.out.println("Right after submit, r.isDone() is " + r.isDone());       // r.done()
    System.out.println("r.get() waits, then returns " + r.get());                // r.result()
    System.out.println("Now r.isDone() is " + r.isDone());
    try {
        broken.get();                                                              // broken.result()
    } catch (ExecutionException e) {                                               // broken.exception()
        System.out.println("broken.get() threw ExecutionException; getCause() is " + e.getCause());
    }
}
// The Pool version: ready() is isDone(); successful() is "done and not failed", which a
// CompletableFuture answers with isCompletedExceptionally().
System.out.println("Pool version: ready() is isDone(), successful() is !isCompletedExceptionally() on a CompletableFuture");
try (var pool = pool(2)) {
    CompletableFuture<Integer> r = CompletableFuture.supplyAsync(() -> slowAdd(1, 6, 7), pool);
    CompletableFuture<Integer> broken = CompletableFuture.supplyAsync(() -> brokenFunction(1), pool);
    System.out.println("Right after apply_async, r.isDone() is " + r.isDone());      // r.ready()
    System.out.println("r.get() is " + r.get());
    System.out.println("r successful: " + !r.isCompletedExceptionally());           // r.successful()
    try {
        broken.get();
    } catch (ExecutionException e) {
        System.out.println("broken.get() threw ExecutionException; getCause() is " + e.getCause());
    }
    System.out.println("broken successful: " + !broken.isCompletedExceptionally());
}
System.out.println(Runtime.version().feature() >= 19
        ? "This Java also has future.state() (RUNNING, SUCCESS, FAILED, CANCELLED), resultNow() and exceptionNow()"
        : "From Java 19 on, a Future also has state() (RUNNING, SUCCESS, FAILED, CANCELLED), resultNow() and exceptionNow()");
