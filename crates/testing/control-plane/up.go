package main

// `up`: the control plane's parent. It owns the directory (keys, kubeconfigs, logs, etcd's
// data), etcd (embedded, so that it outlives API server restarts and can be compacted on
// command) and the components' processes.

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/server/v3/embed"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
	"k8s.io/klog/v2"
)

// The service network: the `kubernetes` Service takes its first address.
const serviceCIDR = "10.96.0.0/16"

// Every component's log goes to DIR/NAME.log; klog in this process (the kubelets' client-go)
// to DIR/up.log.
type controlPlane struct {
	dir        string
	pki        *pki
	etcd       *embed.Etcd
	etcdURL    string
	apiPort    int
	kcmPort    int
	schedPort  int
	kubeconfig string // the admin kubeconfig
	admin      *kubernetes.Clientset

	mu       sync.Mutex
	children map[string]*exec.Cmd
}

func up(args []string) error {
	fs := flag.NewFlagSet("up", flag.ExitOnError)
	dir := fs.String("dir", "", "directory for keys, kubeconfigs, logs and etcd data (default: a new temporary one)")
	nodes := fs.Int("nodes", 3, "Nodes to register (each with a kubelet's part played)")
	port := fs.Int("port", 0, "the API server's port (0: a free one)")
	kubeconfigOut := fs.String("kubeconfig-out", "", "where to write the admin kubeconfig too")
	removeDir := fs.Bool("remove-dir", false, "remove the directory when stopping (a test's shared control plane has nobody else to)")
	_ = fs.Parse(args)
	started := time.Now()
	if *dir == "" {
		d, err := os.MkdirTemp("", "kubegraph-control-plane-")
		if err != nil {
			return err
		}
		*dir = d
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		return err
	}
	logFile, err := os.Create(filepath.Join(*dir, "up.log"))
	if err != nil {
		return err
	}
	klog.SetOutput(logFile)
	klog.LogToStderr(false)

	cp := &controlPlane{dir: *dir, children: map[string]*exec.Cmd{}}
	if err := cp.makeKeys(*nodes); err != nil {
		return err
	}
	if err := cp.startEtcd(); err != nil {
		return err
	}
	cp.apiPort = *port
	if cp.apiPort == 0 {
		cp.apiPort = freePort()
	}
	cp.kcmPort, cp.schedPort = freePort(), freePort()
	if err := cp.writeKubeconfigs(*kubeconfigOut); err != nil {
		return err
	}
	if err := cp.startAPIServer(); err != nil {
		cp.shutdown()
		return err
	}
	cp.admin = mustClient(cp.kubeconfig)
	if err := cp.start("controller-manager", cp.controllerManagerArgs()); err != nil {
		cp.shutdown()
		return err
	}
	if err := cp.start("scheduler", cp.schedulerArgs()); err != nil {
		cp.shutdown()
		return err
	}
	ctx, stopKubelets := context.WithCancel(context.Background())
	var kubelets sync.WaitGroup
	for i := 0; i < *nodes; i++ {
		k, err := newKubelet(cp, i)
		if err != nil {
			stopKubelets()
			cp.shutdown()
			return err
		}
		kubelets.Add(1)
		go func() { defer kubelets.Done(); k.run(ctx) }()
	}
	if err := cp.waitClusterReady(*nodes, 3*time.Minute); err != nil {
		stopKubelets()
		cp.shutdown()
		return err
	}
	fmt.Printf("ready kubeconfig=%s server=https://127.0.0.1:%d dir=%s seconds=%.1f\n",
		cp.kubeconfig, cp.apiPort, cp.dir, time.Since(started).Seconds())

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	commands := make(chan string)
	go func() {
		scanner := bufio.NewScanner(os.Stdin)
		for scanner.Scan() {
			commands <- strings.TrimSpace(scanner.Text())
		}
		close(commands)
	}()
loop:
	for {
		select {
		case <-signals:
			break loop
		case line, ok := <-commands:
			if !ok || line == "quit" {
				break loop
			}
			fmt.Println(cp.command(line))
		}
	}
	stopKubelets()
	kubelets.Wait()
	cp.shutdown()
	if *removeDir {
		return os.RemoveAll(cp.dir)
	}
	return nil
}

// command runs one stdin command; the answer starts with "ok" or "error".
func (cp *controlPlane) command(line string) string {
	switch line {
	case "restart-apiserver":
		started := time.Now()
		cp.stop("apiserver")
		if err := cp.startAPIServer(); err != nil {
			return "error " + oneLine(err)
		}
		return fmt.Sprintf("ok seconds=%.1f", time.Since(started).Seconds())
	case "compact":
		rev, err := cp.compact()
		if err != nil {
			return "error " + oneLine(err)
		}
		return fmt.Sprintf("ok revision=%d", rev)
	case "":
		return "error empty command"
	default:
		return fmt.Sprintf("error unknown command %q (restart-apiserver, compact, quit)", line)
	}
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", " ") }

func (cp *controlPlane) makeKeys(nodes int) error {
	p, err := newPKI(cp.dir)
	if err != nil {
		return err
	}
	cp.pki = p
	hosts := []string{"127.0.0.1", "localhost", "kubernetes", "kubernetes.default",
		"kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "10.96.0.1"}
	if err := p.issue("apiserver", "kube-apiserver", nil, hosts); err != nil {
		return err
	}
	// The users of a kubeadm cluster: admin in system:masters; the controller manager and the
	// scheduler as the users the API server's bootstrap RBAC policy binds; each node as
	// system:node:NAME in system:nodes (the Node authorizer and NodeRestriction apply).
	clients := [][]string{
		{"admin", "kubegraph-admin", "system:masters"},
		{"controller-manager", "system:kube-controller-manager", ""},
		{"scheduler", "system:kube-scheduler", ""},
	}
	for i := 0; i < nodes; i++ {
		clients = append(clients, []string{nodeName(i), "system:node:" + nodeName(i), "system:nodes"})
	}
	for _, c := range clients {
		var orgs []string
		if c[2] != "" {
			orgs = []string{c[2]}
		}
		if err := p.issue(c[0], c[1], orgs, nil); err != nil {
			return err
		}
	}
	if err := p.serviceAccountKey(); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(cp.dir, "audit-policy.yaml"), []byte(auditPolicy), 0o600)
}

// Secrets at RequestResponse, so that the audit log holds what the server sent for every
// secret request (lists and gets; a watch's events are not audited); everything else at
// Metadata: who asked for what, and the answer's code.
const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: RequestResponse
  resources:
  - group: ""
    resources: ["secrets"]
- level: Metadata
`

func (cp *controlPlane) startEtcd() error {
	cfg := embed.NewConfig()
	cfg.Name = "kubegraph"
	cfg.Dir = filepath.Join(cp.dir, "etcd")
	client, peer := loopbackURL(freePort()), loopbackURL(freePort())
	cfg.ListenClientUrls, cfg.AdvertiseClientUrls = []url.URL{client}, []url.URL{client}
	cfg.ListenPeerUrls, cfg.AdvertisePeerUrls = []url.URL{peer}, []url.URL{peer}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.LogLevel = "warn"
	cfg.LogOutputs = []string{filepath.Join(cp.dir, "etcd.log")}
	// Tests need no durability across a machine crash, and fsync on a busy CI disk is slow.
	cfg.UnsafeNoFsync = true
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return fmt.Errorf("etcd: %w", err)
	}
	select {
	case <-e.Server.ReadyNotify():
	case <-time.After(60 * time.Second):
		e.Close()
		return errors.New("etcd: not ready within 60s")
	}
	cp.etcd, cp.etcdURL = e, client.String()
	return nil
}

// compact compacts etcd's history up to its current revision, as the API server's own
// compactor does every five minutes: watches from older revisions then get 410 Gone.
func (cp *controlPlane) compact() (int64, error) {
	c, err := clientv3.New(clientv3.Config{Endpoints: []string{cp.etcdURL}, DialTimeout: 5 * time.Second})
	if err != nil {
		return 0, err
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	resp, err := c.Get(ctx, "compact_rev_key", clientv3.WithCountOnly())
	if err != nil {
		return 0, err
	}
	rev := resp.Header.Revision
	if _, err := c.Compact(ctx, rev, clientv3.WithCompactPhysical()); err != nil {
		return 0, err
	}
	return rev, nil
}

func (cp *controlPlane) apiServerArgs() []string {
	p := cp.pki.path
	return []string{
		"--etcd-servers=" + cp.etcdURL,
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(cp.apiPort),
		"--cert-dir=" + filepath.Join(cp.dir, "apiserver-certs"),
		"--tls-cert-file=" + p("apiserver.crt"),
		"--tls-private-key-file=" + p("apiserver.key"),
		"--client-ca-file=" + p("ca.crt"),
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + p("sa.pub"),
		"--service-account-signing-key-file=" + p("sa.key"),
		"--service-cluster-ip-range=" + serviceCIDR,
		"--authorization-mode=Node,RBAC",
		"--enable-admission-plugins=NodeRestriction",
		"--allow-privileged=true",
		"--audit-log-path=" + filepath.Join(cp.dir, "audit.log"),
		"--audit-policy-file=" + filepath.Join(cp.dir, "audit-policy.yaml"),
		// The `kubernetes` Service's endpoints would be 127.0.0.1, which Endpoints validation
		// refuses (loopback): the reconciler is off and the Service has no endpoints.
		"--endpoint-reconciler-type=none",
		"--profiling=false",
		"--v=1",
	}
}

func (cp *controlPlane) controllerManagerArgs() []string {
	p := cp.pki.path
	kubeconfig := filepath.Join(cp.dir, "controller-manager.kubeconfig")
	return []string{
		"--kubeconfig=" + kubeconfig,
		"--authentication-kubeconfig=" + kubeconfig,
		"--authorization-kubeconfig=" + kubeconfig,
		"--bind-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(cp.kcmPort),
		"--cert-dir=" + filepath.Join(cp.dir, "controller-manager-certs"),
		"--leader-elect=false",
		// Each controller as its own service account, as kubeadm runs it.
		"--use-service-account-credentials=true",
		"--service-account-private-key-file=" + p("sa.key"),
		"--root-ca-file=" + p("ca.crt"),
		"--cluster-signing-cert-file=" + p("ca.crt"),
		"--cluster-signing-key-file=" + p("ca.key"),
		"--controllers=*",
		"--profiling=false",
		"--v=1",
	}
}

func (cp *controlPlane) schedulerArgs() []string {
	kubeconfig := filepath.Join(cp.dir, "scheduler.kubeconfig")
	return []string{
		"--kubeconfig=" + kubeconfig,
		"--authentication-kubeconfig=" + kubeconfig,
		"--authorization-kubeconfig=" + kubeconfig,
		"--bind-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(cp.schedPort),
		"--cert-dir=" + filepath.Join(cp.dir, "scheduler-certs"),
		"--leader-elect=false",
		"--profiling=false",
		"--v=1",
	}
}

// start runs this binary again as the named component, its output in DIR/NAME.log. It dies
// with this process (PDEATHSIG), however this process ends.
func (cp *controlPlane) start(name string, args []string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	log, err := os.OpenFile(filepath.Join(cp.dir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	cmd := exec.Command(self, append([]string{name}, args...)...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		log.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	log.Close()
	cp.mu.Lock()
	cp.children[name] = cmd
	cp.mu.Unlock()
	return nil
}

// stop ends a component as a supervisor would: SIGTERM, then SIGKILL after 5 s. kube-apiserver
// drains its requests and stops listening at once, then keeps serving the open watch streams
// (HTTP/2) until its shutdown timeout (a minute); nothing is lost by cutting them sooner.
func (cp *controlPlane) stop(name string) {
	cp.mu.Lock()
	cmd := cp.children[name]
	delete(cp.children, name)
	cp.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

func (cp *controlPlane) shutdown() {
	for _, name := range []string{"scheduler", "controller-manager", "apiserver"} {
		cp.stop(name)
	}
	if cp.etcd != nil {
		cp.etcd.Close()
	}
}

// startAPIServer starts kube-apiserver and waits until /readyz says so.
func (cp *controlPlane) startAPIServer() error {
	if err := cp.start("apiserver", cp.apiServerArgs()); err != nil {
		return err
	}
	cp.mu.Lock()
	cmd := cp.children["apiserver"]
	cp.mu.Unlock()
	exited := make(chan struct{})
	go func() {
		// Only to notice an early exit; stop() waits on its own.
		_, _ = cmd.Process.Wait()
		close(exited)
	}()
	client, err := cp.adminHTTP()
	if err != nil {
		return err
	}
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("kube-apiserver exited at start; see %s", filepath.Join(cp.dir, "apiserver.log"))
		default:
		}
		resp, err := client.Get(fmt.Sprintf("https://127.0.0.1:%d/readyz", cp.apiPort))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("kube-apiserver not ready within 3 minutes; see %s", filepath.Join(cp.dir, "apiserver.log"))
}

// adminHTTP is an HTTP client with the admin's certificate that trusts the cluster's CA.
func (cp *controlPlane) adminHTTP() (*http.Client, error) {
	cert, err := tls.LoadX509KeyPair(cp.pki.path("admin.crt"), cp.pki.path("admin.key"))
	if err != nil {
		return nil, err
	}
	roots := x509.NewCertPool()
	roots.AddCert(cp.pki.caCert)
	return &http.Client{
		Timeout:   5 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{Certificates: []tls.Certificate{cert}, RootCAs: roots}},
	}, nil
}

// waitClusterReady: every Node Ready, the controller manager's service account controller
// has made `default` in `default` (pods can be created), the scheduler and controller manager
// answer /healthz.
func (cp *controlPlane) waitClusterReady(nodes int, within time.Duration) error {
	deadline := time.Now().Add(within)
	insecure := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // their self-signed serving certs
	}}
	healthy := func(port int) bool {
		resp, err := insecure.Get(fmt.Sprintf("https://127.0.0.1:%d/healthz", port))
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	var waiting string
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		waiting = cp.notReady(ctx, nodes, healthy)
		cancel()
		if waiting == "" {
			return nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("the cluster was not ready within %s: %s (logs in %s)", within, waiting, cp.dir)
}

func (cp *controlPlane) notReady(ctx context.Context, nodes int, healthy func(int) bool) string {
	if !healthy(cp.kcmPort) {
		return "kube-controller-manager /healthz"
	}
	if !healthy(cp.schedPort) {
		return "kube-scheduler /healthz"
	}
	list, err := cp.admin.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
	if err != nil {
		return "listing nodes: " + err.Error()
	}
	ready := 0
	for _, n := range list.Items {
		for _, c := range n.Status.Conditions {
			if c.Type == "Ready" && c.Status == "True" {
				ready++
			}
		}
	}
	if ready < nodes {
		return fmt.Sprintf("%d of %d nodes ready", ready, nodes)
	}
	if _, err := cp.admin.CoreV1().ServiceAccounts("default").Get(ctx, "default", metav1.GetOptions{}); err != nil {
		return "service account default/default: " + err.Error()
	}
	return ""
}

// writeKubeconfigs writes admin.kubeconfig (and a copy where asked), and the controller
// manager's, the scheduler's and each node's, each with its client certificate embedded.
func (cp *controlPlane) writeKubeconfigs(out string) error {
	cp.kubeconfig = filepath.Join(cp.dir, "admin.kubeconfig")
	users := []string{"admin", "controller-manager", "scheduler"}
	for _, user := range users {
		if err := cp.writeKubeconfig(filepath.Join(cp.dir, user+".kubeconfig"), user); err != nil {
			return err
		}
	}
	if out != "" {
		return cp.writeKubeconfig(out, "admin")
	}
	return nil
}

func (cp *controlPlane) writeKubeconfig(path, user string) error {
	config, err := cp.kubeconfigFor(user)
	if err != nil {
		return err
	}
	return clientcmd.WriteToFile(*config, path)
}

func (cp *controlPlane) kubeconfigFor(user string) (*clientcmdapi.Config, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(cp.pki.path(name)) }
	ca, err := read("ca.crt")
	if err != nil {
		return nil, err
	}
	cert, err := read(user + ".crt")
	if err != nil {
		return nil, err
	}
	key, err := read(user + ".key")
	if err != nil {
		return nil, err
	}
	config := clientcmdapi.NewConfig()
	config.Clusters["kubegraph"] = &clientcmdapi.Cluster{
		Server:                   fmt.Sprintf("https://127.0.0.1:%d", cp.apiPort),
		CertificateAuthorityData: ca,
	}
	config.AuthInfos[user] = &clientcmdapi.AuthInfo{ClientCertificateData: cert, ClientKeyData: key}
	config.Contexts["kubegraph"] = &clientcmdapi.Context{Cluster: "kubegraph", AuthInfo: user}
	config.CurrentContext = "kubegraph"
	return config, nil
}

func mustClient(kubeconfig string) *kubernetes.Clientset {
	config, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		panic(err)
	}
	return kubernetes.NewForConfigOrDie(config)
}

func loopbackURL(port int) url.URL {
	return url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(port))}
}

// freePort asks the kernel for a free port on loopback. Another process could take it before
// its user binds it; on a test machine that is rare enough.
func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
