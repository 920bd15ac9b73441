from __future__ import annotations

import igraph as ig
import leidenalg
import numpy as np
import pytest

from generator.group import communities


def _partition(graph: ig.Graph, membership: list[int]) -> leidenalg.CPMVertexPartition:
    return leidenalg.CPMVertexPartition(graph, initial_membership=membership)


def _two_triangles() -> ig.Graph:
    """Nodes 0-2 and 3-5 each fully linked, and one link 2-3 between them."""
    graph = ig.Graph(n=6, edges=[(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5), (2, 3)])
    graph.es["weight"] = [1.0] * 7
    return graph


def test_agreement_is_the_share_of_runs_keeping_a_link_together_up_to_the_share() -> None:
    graph = _two_triangles()
    edges = np.asarray(graph.get_edgelist())
    runs = [_partition(graph, [0, 0, 0, 1, 1, 1]), _partition(graph, [0, 0, 1, 1, 1, 1]),
            _partition(graph, [0, 1, 1, 2, 2, 2])]
    # Together in: 0-1 two runs of three, 0-2 one, 1-2 two, the second triangle all three,
    # the bridge 2-3 one. Two of three is over the share (a half): whole weight.
    assert communities._agreement(edges, runs).tolist() == pytest.approx(
        [1.0, 2 / 3, 1.0, 1.0, 1.0, 1.0, 2 / 3])
    assert communities._agreement(edges, runs[:1])[-1] == 0.0  # split by every run: dropped


def test_a_link_every_run_splits_is_dropped_before_the_last_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    graph = _two_triangles()
    seen: list[list[float]] = []
    run = communities._run

    def recording(g: ig.Graph, threshold: float, seed: int) -> leidenalg.CPMVertexPartition:
        seen.append(list(g.es["weight"]))
        return run(g, threshold, seed)

    monkeypatch.setattr(communities, "_run", recording)
    result = communities.fresh(graph, 0.5)
    assert len(seen) == communities.CONSENSUS_RUNS + 1
    assert seen[-1][-1] == 0.0, "the bridge 2-3, split by every run, no longer counts"
    assert seen[-1][:6] == [1.0] * 6
    assert sorted(map(sorted, result)) == [[0, 1, 2], [3, 4, 5]]


def test_the_consensus_is_scored_on_the_links_as_they_were() -> None:
    graph = _two_triangles()
    result = communities.fresh(graph, 0.5)
    assert result.graph is graph
    expected = leidenalg.CPMVertexPartition(graph, initial_membership=result.membership,
                                            weights="weight", resolution_parameter=0.5)
    assert result.quality() == pytest.approx(expected.quality())


def test_the_same_graph_gives_the_same_communities_whatever_the_run() -> None:
    graph = _two_triangles()
    first = communities.find(6, graph.get_edgelist(), graph.es["weight"], 0.5)
    again = communities.find(6, graph.get_edgelist(), graph.es["weight"], 0.5)
    assert first.tolist() == again.tolist()
    assert len(set(first.tolist())) == 2
