package fr.novaevo.workstation.core.jobs;

/** The body of a background job. */
@FunctionalInterface
public interface JobWork<T> {
    T run(JobContext context) throws Exception;
}
