package se.samverka.query.project;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
public class ProjectViews {
    private final MongoCollection<ProjectView> projects;

    public ProjectViews(MongoDatabase database) {
        this.projects = database.getCollection("projects", ProjectView.class);
    }

    public Optional<ProjectView> find(String projectId) {
        return Optional.ofNullable(projects.find(eq("_id", projectId)).first());
    }

    void save(ProjectView project) {
        projects.replaceOne(eq("_id", project.id()), project, new ReplaceOptions().upsert(true));
    }

    void deleteAll() {
        projects.drop();
    }
}
