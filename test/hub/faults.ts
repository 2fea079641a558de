/**
 * Fault injection: rules are checked in the order they were added, against every request after it is logged.
 * A rule counts the calls that match its route and method; it applies to calls skip+1 .. skip+times.
 */
import type { FaultRule } from './types';

interface ActiveRule {
	rule: FaultRule;
	matched: number;
	counter: { hits: number };
}

export class FaultInjector {
	private rules: ActiveRule[] = [];

	/** Adds a rule; the returned counter tells how many calls it has applied to. */
	add(rule: FaultRule): { hits: number } {
		const counter = { hits: 0 };
		this.rules.push({ rule, matched: 0, counter });
		return counter;
	}

	clear(): void {
		this.rules = [];
	}

	/** The rules that apply to this call, in order; each one's hit counter is incremented. */
	select(route: string, method: string): FaultRule[] {
		const applied: FaultRule[] = [];
		for (const active of this.rules) {
			const { rule } = active;
			if (rule.route !== '*' && rule.route.toLowerCase() !== route.toLowerCase()) continue;
			if (rule.method && rule.method !== method) continue;
			active.matched++;
			const position = active.matched - (rule.skip ?? 0);
			if (position < 1 || (rule.times !== undefined && position > rule.times)) continue;
			active.counter.hits++;
			applied.push(rule);
		}
		return applied;
	}
}
