// Leak checks count threads, sockets and memory for the whole process: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
