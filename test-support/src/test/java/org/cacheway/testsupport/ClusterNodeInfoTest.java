package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNodeInfoTest {

    private static final String NODES = ""
            + "07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@40004 slave "
            + "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238317239 4 connected\n"
            + "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002@40002,host.example master - 0 "
            + "1426238316232 2 connected 5461-10922\n"
            + "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@40001 myself,master - 0 0 1 "
            + "connected 0-5460\n"
            + "6ec23923021cf3ffec47632106199cb7f496ce01 127.0.0.1:30005@40005 master,fail - 1426238316232 "
            + "1426238316232 5 disconnected\n"
            + "824fe116063bc5fcf9f4ffd895bc17aee7731ac3 :0@0 handshake - 0 0 0 connected\n";

    @Test
    void parsesRolesAddressesAndSlots() {
        List<ClusterNodeInfo> nodes = ClusterNodeInfo.parse(NODES);
        assertThat(nodes).hasSize(5);

        ClusterNodeInfo replica = nodes.get(0);
        assertThat(replica.port).isEqualTo(30004);
        assertThat(replica.host).isEqualTo("127.0.0.1");
        assertThat(replica.isHealthyReplica()).isTrue();
        assertThat(replica.masterId).isEqualTo("e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca");
        assertThat(replica.hasSlots).isFalse();

        assertThat(nodes.get(1).port).isEqualTo(30002);
        assertThat(nodes.get(1).isHealthyPrimary()).isTrue();
        assertThat(nodes.get(1).hasSlots).isTrue();
        assertThat(nodes.get(2).flags).contains("myself", "master");
        assertThat(nodes.get(2).masterId).isNull();

        ClusterNodeInfo failed = nodes.get(3);
        assertThat(failed.isHealthyPrimary()).isFalse();
        assertThat(failed.connected).isFalse();

        assertThat(nodes.get(4).port).isZero();
        assertThat(nodes.get(4).isHealthyPrimary()).isFalse();
    }
}
