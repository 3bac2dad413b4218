package io.ntfybar.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop app per user: the first app holds a lock on {@code instance.lock} in its data folder and listens on a
 * Unix domain socket beside it; an app started again finds the lock held, asks the running one to bring its messages
 * window forward, and ends. The lock is the operating system's, so a crashed app leaves nothing behind that blocks
 * the next start (a stale socket file is replaced). Only the desktop app takes part: command-line commands never
 * look here. The socket lives in the user's own data folder, so other users cannot reach it.
 */
final class SingleInstance implements AutoCloseable {
    static final String LOCK = "instance.lock";
    static final String SOCKET = "instance.sock";
    private static final String SHOW = "show-messages";
    private static final String OK = "ok";
    private static final Duration ANSWER_TIME = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);

    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;
    private volatile Runnable onShow = () -> {};

    private SingleInstance(FileChannel lockFile, FileLock lock, ServerSocketChannel server, Path socket) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /** What starting the app found. */
    sealed interface Claim {
        /** This process is the app; it listens for later starts. */
        record First(SingleInstance instance) implements Claim {}

        /** Another app runs and was asked to show its messages window. */
        record AlreadyRunning() implements Claim {}
    }

    /**
     * Becomes the app, or asks the running one to come forward.
     *
     * @param patience how long to keep trying to reach a running app that is still starting up
     * @throws IOException when neither works (the folder cannot be written, or the running app does not answer)
     */
    static Claim claim(Path dataFolder, Duration patience) throws IOException {
        Files.createDirectories(dataFolder);
        Path socket = dataFolder.resolve(SOCKET);
        long deadline = System.nanoTime() + patience.toNanos();
        IOException lastFailure = null;
        while (true) {
            Optional<SingleInstance> first = tryLock(dataFolder, socket);
            if (first.isPresent()) {
                return new Claim.First(first.get());
            }
            try {
                askToShow(socket);
                return new Claim.AlreadyRunning();
            } catch (IOException e) {
                lastFailure = e; // the other app holds the lock but does not listen yet (starting), or just quit
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "another ntfybar holds " + dataFolder.resolve(LOCK) + " but does not answer ("
                                + lastFailure.getMessage() + ")",
                        lastFailure);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the running ntfybar", e);
            }
        }
    }

    private static Optional<SingleInstance> tryLock(Path dataFolder, Path socket) throws IOException {
        FileChannel channel =
                FileChannel.open(dataFolder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (tests)
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        try {
            Files.deleteIfExists(socket); // left by an app that crashed: the lock proves nobody listens there
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return Optional.of(new SingleInstance(channel, lock, server, socket));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static void askToShow(Path socket) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            closeAfter(ch, ANSWER_TIME);
            ch.connect(UnixDomainSocketAddress.of(socket));
            OutputStream out = Channels.newOutputStream(ch);
            out.write((SHOW + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            String reply = in.readLine();
            if (!OK.equals(reply)) {
                throw new IOException("the running ntfybar answered " + reply);
            }
        }
    }

    /**
     * Closes {@code ch} after {@code d} in any case, which ends a read or write blocked on a peer that never answers
     * (an app that holds the lock but hangs, or a client that connects and says nothing).
     */
    private static void closeAfter(SocketChannel ch, Duration d) {
        CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ch.close();
            } catch (IOException e) {
                // closed already
            }
        });
    }

    /** What a later start asks for: bring the messages window forward. Runs on the listener thread. */
    void onShow(Runnable r) {
        onShow = r;
    }

    /** Starts answering later starts, on a daemon thread of its own. */
    SingleInstance listen() {
        Thread t = new Thread(this::serve, "ntfybar-instance");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                closeAfter(ch, ANSWER_TIME);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                String request = in.readLine();
                OutputStream out = Channels.newOutputStream(ch);
                if (SHOW.equals(request)) {
                    LOG.info("ntfybar was started again: showing the messages window");
                    try {
                        onShow.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Could not show the messages window", e);
                    }
                    out.write((OK + "\n").getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write("unknown request\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.debug("A later start's request failed: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            LOG.debug("Closing the single-instance lock: {}", e.getMessage());
        }
    }
}
