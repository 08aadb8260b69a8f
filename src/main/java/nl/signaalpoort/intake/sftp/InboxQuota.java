package nl.signaalpoort.intake.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * What one partner may hold in its inbox at a time, so it cannot fill the disk every partner
 * shares: a number of files and a number of bytes, besides the largest single file. A write that
 * would pass either limit fails on the partner's side (SFTP "failure") and the part written is
 * deleted when the partner closes the file; nothing is taken from it.
 * The inbox's other files are counted once, when a file is opened for writing.
 */
final class InboxQuota implements SftpEventListener {

    private final long maxFileBytes;
    private final long maxInboxBytes;
    private final int maxInboxFiles;
    /** Bytes the other files of the inbox held when this handle was opened for writing. */
    private final Map<Handle, Long> others = new ConcurrentHashMap<>();
    /** Uploads refused half-way: deleted when the partner closes them, so nothing half-written stays. */
    private final Set<Handle> refused = ConcurrentHashMap.newKeySet();

    InboxQuota(long maxFileBytes, long maxInboxBytes, int maxInboxFiles) {
        this.maxFileBytes = maxFileBytes;
        this.maxInboxBytes = maxInboxBytes;
        this.maxInboxFiles = maxInboxFiles;
    }

    @Override
    public void open(ServerSession session, String remoteHandle, Handle handle) throws IOException {
        if (!(handle instanceof FileHandle file) || !file.getOpenOptions().contains(java.nio.file.StandardOpenOption.WRITE)) {
            return;
        }
        Path folder = file.getFile().toAbsolutePath().getParent();
        long files = 0;
        long bytes = 0;
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (Files.isRegularFile(p) && !p.equals(file.getFile())) {
                    files++;
                    bytes += Files.size(p);
                }
            }
        }
        if (files >= maxInboxFiles) {
            throw new IOException("too many files waiting in this folder");
        }
        others.put(handle, bytes);
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle handle, long offset, byte[] data, int dataOffset,
            int dataLen) throws IOException {
        long end = offset + dataLen;
        if (end > maxFileBytes) {
            refused.add(handle);
            throw new IOException("file larger than allowed");
        }
        if (others.getOrDefault(handle, 0L) + end > maxInboxBytes) {
            refused.add(handle);
            throw new IOException("the folder holds more than allowed");
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle handle, Throwable thrown) throws IOException {
        others.remove(handle);
        if (refused.remove(handle) && handle instanceof FileHandle file) {
            Files.deleteIfExists(file.getFile());
        }
    }
}
