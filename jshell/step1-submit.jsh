// Step 1 of the lesson (pool_submit.py, poolapply.py): run one slow function in a worker.
// Demo: /open jshell/step1-submit.jsh   (two 5-second calls, about 10 s)
System.out.println("Step 1: pool.submit(...) hands slowFunction(5) to a worker and returns a Future; get() waits for the result");
System.out.println("Master process is PID " + pid());
try (var pool = pool()) {                                       // with ProcessPoolExecutor() as pool:
    Future<Integer> r = pool.submit(() -> slowFunction(5));     //     r = pool.submit(slow_function, 5)
    System.out.println("Result is " + r.get());                 //     r.result()
}
// Pool.apply(slow_function, [5]) waits for the result before it returns: submit, then get at once.
System.out.println("Pool.apply's counterpart: pool.submit(...).get() blocks until the result is there");
try (var pool = pool()) {                                       // with Pool() as pool:
    int r = pool.submit(() -> slowFunction(5)).get();           //     r = pool.apply(slow_function, [5])
    System.out.println("Result is " + r);
}
