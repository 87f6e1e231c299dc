package workshop.runner;

/**
 * What one test did in a run.
 *
 * @param id the test's unique ID
 * @param outcome passed, failed, skipped, or stopped at its bound
 * @param message what a learner needs to read: the TODO, the assertion message with its timeline, or the exception
 * @param where the learner's line the failure passed through, such as {@code workshop/sync/SyncEndpoints.java:42}; empty if none
 * @param output what the test printed, empty if nothing
 * @param millis how long it ran
 */
record Result(String id, Outcome outcome, String message, String where, String output, long millis) {

    /** How a test ended. */
    enum Outcome {
        PASSED, FAILED, SKIPPED, HUNG
    }

    boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
