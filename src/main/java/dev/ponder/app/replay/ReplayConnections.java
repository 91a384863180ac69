package dev.ponder.app.replay;

import dev.ponder.app.common.AppSettings;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.service.ReplayService;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The models a replay can use: the built-in tiny reasoner and the saved connections, the chosen one, and tests. */
public final class ReplayConnections {
    private final TaskRunner tasks;
    private final AppSettings settings;
    private final PonderHome home;
    private final ObservableList<ModelConnection> connections = FXCollections.observableArrayList();
    private final ObjectProperty<ModelConnection> chosen = new SimpleObjectProperty<>();

    ReplayConnections(TaskRunner tasks, AppSettings settings, PonderHome home) {
        this.tasks = tasks;
        this.settings = settings;
        this.home = home;
        fill();
        settings.property().addListener((observable, before, now) -> fill());
    }

    private void fill() {
        ModelConnection was = chosen.get();
        List<ModelConnection> all = new ArrayList<>();
        all.add(ModelConnection.tinyReasoner());
        all.addAll(settings.get().connections());
        connections.setAll(all);
        chosen.set(
                was == null
                        ? all.get(0)
                        : all.stream()
                                .filter(c -> c.name().equals(was.name()))
                                .findFirst()
                                .orElse(all.get(0)));
    }

    public ObservableList<ModelConnection> all() {
        return connections;
    }

    public ObjectProperty<ModelConnection> chosenProperty() {
        return chosen;
    }

    /** Saves a connection (replacing one of the same name) and chooses it. */
    public void save(ModelConnection saved) {
        settings.update(current -> current.withConnection(saved));
        chosen.set(connections.stream()
                .filter(c -> c.name().equals(saved.name()))
                .findFirst()
                .orElse(saved));
    }

    public void delete(ModelConnection gone) {
        if (!ModelConnection.TINY_NAME.equals(gone.name())) {
            settings.update(current -> current.withoutConnection(gone.name()));
        }
    }

    /** Test Connection in the background: {@code answer} hears what happened, in words. */
    public void test(ModelConnection candidate, Consumer<String> answer) {
        tasks.submit(
                "Test " + candidate.name(),
                context -> ReplayService.testConnection(candidate, home),
                answer,
                error -> answer.accept("Failed: " + error.getMessage()));
    }
}
