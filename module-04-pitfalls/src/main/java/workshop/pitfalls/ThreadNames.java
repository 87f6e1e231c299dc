package workshop.pitfalls;

/**
 * A thread's name for a message a learner reads. Virtual threads have no name unless their
 * factory gives them one, and "continued on thread , not on the loop thread" says nothing.
 */
public final class ThreadNames {
    private ThreadNames() {
    }

    /** The thread's name, or what it is when it has none: "an unnamed virtual thread (VirtualThread[#52]/...)". */
    public static String describe(Thread thread) {
        if (!thread.getName().isBlank()) {
            return thread.getName();
        }
        return (thread.isVirtual() ? "an unnamed virtual thread (" : "an unnamed thread (") + thread + ")";
    }

    /** {@link #describe(Thread)} of the calling thread. */
    public static String current() {
        return describe(Thread.currentThread());
    }
}
