package fr.novaevo.workstation.app.bootstrap;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

/**
 * One log file per launch in the data folder's {@code logs/}, rolled over at 10 MB (3 parts kept), the last
 * {@value #LAUNCHES_KEPT} launches kept. Every line goes through the {@link Redactor}.
 */
public final class LoggingSetup {

    static final int LAUNCHES_KEPT = 30;
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LoggingSetup() {
    }

    /**
     * @param debug also log DEBUG and above to standard error (the {@code --debug} flag)
     * @return this launch's log file
     */
    public static Path start(Path logDirectory, boolean debug) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Path file = logDirectory.resolve("workstation-" + LocalDateTime.now().format(FILE_STAMP) + "-"
                + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(logDirectory);
            removeOldLaunches(logDirectory);
        } catch (IOException e) {
            // Without a log folder the application still works; it only logs nowhere.
            return file;
        }
        stopAppender(root, "launch-file"); // started again in the same JVM (tests): one file at a time
        stopAppender(root, "debug-console");
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("launch-file");
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.toString().replace(".log", ".%i.log"));
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context));
        appender.start();
        root.addAppender(appender);
        root.setLevel(debug ? Level.DEBUG : Level.INFO);
        if (debug) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("debug-console");
            console.setTarget("System.err");
            console.setEncoder(encoder(context));
            console.start();
            root.addAppender(console);
        }
        return file;
    }

    /** Closes this launch's log file (flushing it); later log lines go nowhere. */
    public static void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        stopAppender(root, "launch-file");
        stopAppender(root, "debug-console");
    }

    private static void stopAppender(Logger root, String name) {
        var previous = root.getAppender(name);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    /** Log files of earlier launches, newest first. */
    public static List<Path> launches(Path logDirectory) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(logDirectory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(logDirectory, "workstation-*.log")) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    private static void removeOldLaunches(Path logDirectory) throws IOException {
        List<Path> files = launches(logDirectory);
        for (Path old : files.subList(Math.min(LAUNCHES_KEPT, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }
}
