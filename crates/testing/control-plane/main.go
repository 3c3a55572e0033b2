// kubegraph-control-plane: a real Kubernetes control plane for kubegraph's tests, on loopback.
//
//	kubegraph-control-plane up --dir DIR [--nodes N]   start everything; prints "ready ..." on stdout
//	kubegraph-control-plane apiserver|controller-manager|scheduler FLAGS...  (started by up)
//	kubegraph-control-plane load --kubeconfig K --count N [--update]  ConfigMaps, for benchmarks
//
// `up` runs etcd embedded in its own process, starts kube-apiserver, kube-controller-manager
// and kube-scheduler as child processes of this same binary (so the API server can be
// restarted on its own, as in a real cluster), and plays the kubelet's part for a few Nodes
// (kubelet.go). It then reads commands on stdin, one a line, and answers each with one line
// on stdout: `restart-apiserver`, `compact` (etcd history, now), `quit`. End of stdin is quit:
// whoever started it and goes away takes the control plane with it.
package main

import (
	"fmt"
	"os"

	apiserver "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	scheduler "k8s.io/kubernetes/cmd/kube-scheduler/app"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kubegraph-control-plane up|load|apiserver|controller-manager|scheduler ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "up":
		err = up(os.Args[2:])
	case "load":
		err = load(os.Args[2:])
	case "apiserver":
		cmd := apiserver.NewAPIServerCommand()
		cmd.SetArgs(os.Args[2:])
		err = cmd.Execute()
	case "controller-manager":
		cmd := controllermanager.NewControllerManagerCommand()
		cmd.SetArgs(os.Args[2:])
		err = cmd.Execute()
	case "scheduler":
		cmd := scheduler.NewSchedulerCommand()
		cmd.SetArgs(os.Args[2:])
		err = cmd.Execute()
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kubegraph-control-plane:", err)
		os.Exit(1)
	}
}
