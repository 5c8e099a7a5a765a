package fr.novaevo.workstation.obd.testing;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Recorded ECU answers per request, for service tests; unknown requests answer NO DATA like a real car. */
public final class ScriptedChannel implements ObdChannel {

    private final ObdProtocol protocol;
    private final Map<String, List<EcuMessage>> answers = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private String header = "7DF";

    public ScriptedChannel(ObdProtocol protocol) {
        this.protocol = protocol;
    }

    /** {@code answer("010C", "7E8:410C1AF8", "7E9:410C1AF8")}. */
    public ScriptedChannel answer(String request, String... ecuPayloads) {
        List<EcuMessage> list = new ArrayList<>();
        for (String s : ecuPayloads) {
            String[] parts = s.split(":", 2);
            list.add(new EcuMessage(parts[0], HexFormat.of().parseHex(parts[1].replace(" ", ""))));
        }
        answers.put(header + "/" + request, list);
        answers.putIfAbsent(request, list);
        return this;
    }

    public List<String> requests() {
        return requests;
    }

    public List<Integer> responseCounts() {
        return counts;
    }

    @Override
    public List<EcuMessage> query(String requestHex, int responseCount) {
        requests.add(requestHex);
        counts.add(responseCount);
        List<EcuMessage> a = answers.getOrDefault(header + "/" + requestHex, answers.get(requestHex));
        if (a == null || a.isEmpty()) {
            throw new ObdException(ObdErrorCode.NO_DATA, "NO DATA for " + requestHex);
        }
        return a;
    }

    @Override
    public ObdProtocol protocol() {
        return protocol;
    }

    @Override
    public void setHeader(String hexHeader) {
        header = hexHeader;
    }
}
