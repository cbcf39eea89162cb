package org.hetong.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.util.NamedList;

/**
 * The Solr nodes hetong was given, each through SolrJ's {@link HttpJdkSolrClient} (the JDK's HTTP
 * client: no Jetty beside Javalin's). Requests go to the nodes in turn; a node that cannot be
 * reached is skipped and the next one asked, so a node going down does not stop searches. Any node
 * routes a request to the shards and replicas that hold the data (SolrCloud's own distribution),
 * so hetong needs no ZooKeeper client.
 */
final class SolrNodes implements Closeable {
    private final List<String> urls;
    private final List<HttpJdkSolrClient> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    SolrNodes(List<String> urls) {
        this.urls = List.copyOf(urls);
        for (String url : urls) {
            // HTTP/1.1: the JDK client's HTTP/2 now and then finds a reused connection closed by Jetty ("EOF reached
            // while reading", seen once in SolrCloudIT; apache/solr-mcp#130 reports the same). Concurrent searches
            // get a connection each from the client's pool instead of streams on one connection.
            clients.add(new HttpJdkSolrClient.Builder(url)
                    .useHttp1_1(true)
                    .withConnectionTimeout(5, TimeUnit.SECONDS)
                    .withIdleTimeout(120, TimeUnit.SECONDS)
                    .build());
        }
    }

    /** The response of the first node that answers; a node that cannot be reached is passed over. */
    NamedList<Object> request(SolrRequest<?> request, String collection) throws IOException {
        int start = Math.floorMod(next.getAndIncrement(), clients.size());
        IOException unreachable = null;
        for (int i = 0; i < clients.size(); i++) {
            int n = (start + i) % clients.size();
            try {
                return clients.get(n).request(request, collection);
            } catch (SolrServerException e) {
                if (!isUnreachable(e)) {
                    throw new IOException("Solr " + urls.get(n) + ": " + e.getMessage(), e);
                }
                unreachable = new IOException("Solr 节点 " + urls.get(n) + " 无法连接: " + e.getMessage(), e);
            } catch (IOException e) {
                unreachable = new IOException("Solr 节点 " + urls.get(n) + " 无法连接: " + e.getMessage(), e);
            }
        }
        throw new IOException("没有可用的 Solr 节点（" + String.join(", ", urls) + "）", unreachable);
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        for (HttpJdkSolrClient client : clients) {
            client.close();
        }
    }
}
