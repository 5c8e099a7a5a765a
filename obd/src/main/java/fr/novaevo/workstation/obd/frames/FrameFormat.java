package fr.novaevo.workstation.obd.frames;

/**
 * What the adapter's output lines look like: which protocol family, and whether headers are shown (ATH1).
 */
public record FrameFormat(ObdProtocol.Family family, boolean headers) {

    public static FrameFormat of(ObdProtocol protocol, boolean headers) {
        return new FrameFormat(protocol.family(), headers);
    }
}
