package workshop.race;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import workshop.async.AsyncRace;
import workshop.common.Race;
import workshop.common.RaceModel;
import workshop.loop.LoopRace;
import workshop.pitfalls.PitfallRace;
import workshop.sync.SyncRace;

/**
 * The kit's main job: the same burst of requests fired at every concurrency model of the course,
 * one model at a time, printed as timelines and a table, and written as a page for a projector.
 * Each model is defined once, in the module whose code it runs; this list only puts them in order,
 * and ends with FastAPI's own shape, where modules 01 to 03 meet.
 *
 * <p>{@code ./mvnw -q -pl race compile exec:exec@race} races the finished code; add {@code -Dyours}
 * to race your own, and {@code -Dkit.args="--help"} for the options.
 */
public final class KitRace {
    private KitRace() {
    }

    public static List<RaceModel> models() {
        List<RaceModel> models = new ArrayList<>(SyncRace.models());
        models.addAll(AsyncRace.models());
        models.addAll(LoopRace.models());
        models.add(PitfallRace.sleepOnTheLoop());
        models.addAll(FastApiServer.models());
        return models;
    }

    public static void main(String[] arguments) throws IOException {
        Race.main(arguments, new Race.Setup("The kit's race: every concurrency model, the same burst", models(), 100,
                "target/race.html", true));
    }
}
