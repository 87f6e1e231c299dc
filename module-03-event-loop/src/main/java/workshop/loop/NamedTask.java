package workshop.loop;

/** A task with a name, so traces and slow-callback reports say what it was. */
public record NamedTask(String name, Runnable body) implements Runnable {
    @Override
    public void run() {
        body.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
