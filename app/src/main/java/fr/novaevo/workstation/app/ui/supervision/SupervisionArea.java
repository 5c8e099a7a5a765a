package fr.novaevo.workstation.app.ui.supervision;

import java.util.ArrayList;
import java.util.List;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.UiContext;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Supervision: background jobs, the application log, the audit journal, backups. */
public final class SupervisionArea implements Area {

    public static final String ID = "supervision";

    private final UiContext context;
    private final List<Runnable> disposers = new ArrayList<>();

    public SupervisionArea(UiContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.supervision";
    }

    @Override
    public Node createView() {
        dispose();
        JobsTab jobs = new JobsTab(context);
        LogTab log = new LogTab(context);
        AuditTab audit = new AuditTab(context);
        BackupsTab backups = new BackupsTab(context);
        disposers.add(jobs::dispose);
        disposers.add(log::dispose);
        View view = new View();
        view.getTabs().addAll(
                tab("jobs", "supervision.tab.jobs", jobs.view()),
                tab("log", "supervision.tab.log", log.view()),
                tab("audit", "supervision.tab.audit", audit.view()),
                tab("backups", "supervision.tab.backups", backups.view()));
        view.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getId().equals("tab-audit")) {
                audit.refresh();
            } else if (now != null && now.getId().equals("tab-backups")) {
                backups.refresh();
            } else if (now != null && now.getId().equals("tab-log")) {
                log.refresh();
            }
        });
        return view;
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab(context.i18n().t(key), content);
        tab.setId("tab-" + id);
        tab.setClosable(false);
        return tab;
    }

    @Override
    public void dispose() {
        disposers.forEach(Runnable::run);
        disposers.clear();
    }

    /** The tab pane, openable on a given tab from elsewhere (the status bar opens "jobs"). */
    static final class View extends TabPane implements MainWindow.TabbedView {
        View() {
            setId("supervision-view");
        }

        @Override
        public void selectTab(String tabId) {
            getTabs().stream().filter(t -> t.getId().equals("tab-" + tabId)).findFirst()
                    .ifPresent(t -> getSelectionModel().select(t));
        }
    }
}
