package workshop.loop;

/** A task that held the loop thread longer than the threshold: nothing else could run meanwhile. */
public record SlowCallback(String name, double durationMs) {
}
