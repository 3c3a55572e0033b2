package main

// `load`: many objects made (or changed) through the API as fast as it takes them, for the
// benchmarks (docs/benchmarks.md): ConfigMaps, since pods would need nodes beyond what three
// fake kubelets hold (110 pods each).

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

func load(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	kubeconfig := fs.String("kubeconfig", "", "the admin kubeconfig")
	namespace := fs.String("namespace", "bench", "where the ConfigMaps go (it must exist)")
	count := fs.Int("count", 1000, "how many")
	from := fs.Int("from", 0, "the first index (names are PREFIX-INDEX)")
	prefix := fs.String("prefix", "cm", "name prefix")
	workers := fs.Int("workers", 32, "requests in flight")
	update := fs.Bool("update", false, "relabel existing ConfigMaps instead of creating them")
	_ = fs.Parse(args)
	config, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		return err
	}
	// client-go's default is 5 requests/s; the admin is exempt from the server's own limits.
	config.QPS, config.Burst = 1e6, 1e6
	client := kubernetes.NewForConfigOrDie(config)
	started := time.Now()
	var failed atomic.Int64
	var firstError atomic.Value
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := one(client, *namespace, fmt.Sprintf("%s-%d", *prefix, i), i, *update); err != nil {
					failed.Add(1)
					firstError.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	for i := *from; i < *from+*count; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(started).Seconds()
	fmt.Printf("ok count=%d failed=%d seconds=%.2f per_second=%.0f\n", *count, failed.Load(), elapsed, float64(*count)/elapsed)
	if e := firstError.Load(); e != nil {
		return fmt.Errorf("%d failed, the first: %s", failed.Load(), e)
	}
	return nil
}

func one(client kubernetes.Interface, namespace, name string, i int, update bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cms := client.CoreV1().ConfigMaps(namespace)
	if update {
		patch := fmt.Sprintf(`{"metadata":{"labels":{"generation":"g%d"}}}`, time.Now().UnixNano())
		_, err := cms.Patch(ctx, name, types.MergePatchType, []byte(patch), metav1.PatchOptions{})
		return err
	}
	_, err := cms.Create(ctx, &v1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{
			"app": fmt.Sprintf("app-%d", i%50), "tier": []string{"web", "api", "db"}[i%3],
		}},
		Data: map[string]string{"settings.yaml": strings.Repeat(fmt.Sprintf("key%d: value\n", i), 12)},
	}, metav1.CreateOptions{})
	return err
}
