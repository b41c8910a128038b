// Every test class boots the sample's top-level Program through WebApplicationFactory, whose host resolution
// listens process-wide; running those boots concurrently has made one start see another's disposed host. The
// suite is small (≈20 s), so it runs its classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
