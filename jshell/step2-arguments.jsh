// Step 2 of the lesson: a slow function with several arguments, slowAdd(nsecs, x, y).
// Demo: /open jshell/step2-arguments.jsh   (two 1-second calls)
System.out.println("Step 2: the lambda carries the arguments: pool.submit(() -> slowAdd(1, 6, 7)) gives 13");
try (var pool = pool()) {
    Future<Integer> r = pool.submit(() -> slowAdd(1, 6, 7));    // pool.submit(slow_add, 1, 6, 7)
    System.out.println("Result is " + r.get());
}
// Python's Pool.apply takes the arguments as a list, [1, 6, 7]; in Java they are in the call itself.
System.out.println("Pool.apply(slow_add, [1, 6, 7]) in Java: pool.submit(() -> slowAdd(1, 6, 7)).get()");
try (var pool = pool()) {
    int r = pool.submit(() -> slowAdd(1, 6, 7)).get();
    System.out.println("Result is " + r);
}
