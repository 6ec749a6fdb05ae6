package se.samverka.command.project;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** Which workshops use a project's model: written with each workshop's first event. */
@Component
public class ProjectWorkshops {
    private final JdbcTemplate jdbc;

    public ProjectWorkshops(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(ProjectId projectId, WorkshopId workshopId) {
        jdbc.update("INSERT INTO project_workshop (project_id, workshop_id) VALUES (?, ?)", projectId.value(),
                workshopId.value());
    }

    public List<String> of(ProjectId projectId) {
        return jdbc.queryForList("SELECT workshop_id FROM project_workshop WHERE project_id = ? ORDER BY workshop_id",
                String.class, projectId.value());
    }
}
