import { StationFailure } from '../../contract/errors';
import {
  acknowledge,
  activateParcel,
  addParcel,
  chooseBox,
  enterQuantity,
  expectedParcelGrams,
  moveUnit,
  recordWeight,
  removeParcel,
  undoLast,
  type PackingState,
} from '../../domain/packing';
import { checkWeight } from '../../domain/weight';
import type { Logins } from '../auth';
import type { HandlerSlice } from '../handlers';
import { approvingManager } from './approval';
import { completePacking } from './complete';
import type { PackingDesk } from './desk';
import { readScale, toReadingView } from './scale';
import { completionRules } from './view';

function found(state: PackingState | null, what: 'parcel' | 'unit'): PackingState {
  if (!state) throw new StationFailure('PARCEL_NOT_FOUND', `There is no such ${what} in this order.`);
  return state;
}

type PackMethods =
  | 'pack.open'
  | 'pack.current'
  | 'pack.acknowledge'
  | 'pack.undo'
  | 'pack.quantity'
  | 'pack.parcel.add'
  | 'pack.parcel.activate'
  | 'pack.parcel.remove'
  | 'pack.parcel.box'
  | 'pack.unit.move'
  | 'pack.weigh'
  | 'pack.override'
  | 'pack.complete'
  | 'pack.close'
  | 'pack.boxes'
  | 'pack.rules'
  | 'settings.packing'
  | 'scale.current';

export function packingHandlers(desk: PackingDesk, logins: Logins): HandlerSlice<PackMethods> {
  const { deps } = desk;
  return {
    'pack.open': async ({ code }, call) => {
      await desk.admit(call, code);
      return desk.open(call, code);
    },
    'pack.current': (_input, call) => desk.current(call),
    'pack.acknowledge': (_input, call) =>
      desk.change(call, 'pack.acknowledged', ({ record }) => {
        const pending = record.state.pending;
        // The verdict acknowledged is kept, so the journal says which error it was (not just "error").
        return {
          state: acknowledge(record.state),
          payload: { cleared: pending?.kind ?? null, ...(pending?.kind === 'error' ? { verdict: pending.verdict } : {}) },
        };
      }),
    'pack.undo': (_input, call) =>
      desk.change(call, 'pack.undo', ({ record }) => {
        const { state, removed } = undoLast(record.state);
        return {
          state,
          payload: removed
            ? { unitId: removed.id, productId: removed.productId, count: removed.count, serial: removed.serial }
            : { prompt: record.state.pending?.kind ?? null },
        };
      }),
    'pack.quantity': ({ quantity }, call) => desk.step(call, 'pack.quantity', ({ record }) => enterQuantity(record.state, quantity), { quantity }),
    'pack.parcel.add': (_input, call) =>
      desk.change(call, 'pack.parcel.added', ({ record }) => {
        const state = addParcel(record.state);
        return { state, payload: { parcel: state.activeParcel } };
      }),
    'pack.parcel.activate': ({ parcel }, call) =>
      desk.change(call, 'pack.parcel.activated', ({ record }) => ({ state: found(activateParcel(record.state, parcel), 'parcel'), payload: { parcel } })),
    'pack.parcel.remove': ({ parcel }, call) =>
      desk.change(call, 'pack.parcel.removed', ({ record }) => ({ state: found(removeParcel(record.state, parcel), 'parcel'), payload: { parcel } })),
    'pack.parcel.box': ({ parcel, boxCode }, call) =>
      desk.change(call, 'pack.parcel.box', ({ record }) => {
        const box = deps.store.catalog.boxes().find((b) => b.code === boxCode);
        if (!box) throw new StationFailure('BOX_NOT_FOUND', `There is no box type ${boxCode}.`, { box: boxCode });
        return {
          state: found(chooseBox(record.state, parcel, { code: box.code, tareGrams: box.tareGrams }), 'parcel'),
          payload: { parcel, box: box.code, tareGrams: box.tareGrams },
        };
      }),
    'pack.unit.move': ({ unitId, parcel }, call) =>
      desk.change(call, 'pack.unit.moved', ({ record }) => ({ state: found(moveUnit(record.state, unitId, parcel), 'unit'), payload: { unitId, parcel } })),
    'pack.weigh': ({ parcel, grams }, call) =>
      desk.change(call, 'pack.weighed', ({ record }, rules) => {
        const weight = readScale(deps, call.stationId, grams);
        const state = found(recordWeight(record.state, parcel, weight.grams, weight.source), 'parcel');
        // Whether it was within tolerance is journaled with the weight: the packer's statistics count mismatches.
        const weighed = state.parcels.find((p) => p.no === parcel)!;
        const check = checkWeight(expectedParcelGrams(state, weighed), weight.grams, completionRules(rules).tolerance);
        return {
          state,
          payload: {
            parcel,
            grams: weight.grams,
            source: weight.source,
            expectedGrams: check.expectedGrams,
            allowedGrams: check.allowedGrams,
            withinTolerance: check.ok,
          },
        };
      }),
    'pack.override': async ({ kind, reason, manager }, call) => {
      desk.active(call);
      const approver = await approvingManager(deps, logins, call, manager);
      return desk.change(call, 'pack.override', ({ record }) => {
        const override = { kind, managerId: approver.id, reason, at: deps.clock.now().toISOString() };
        return {
          state: { ...record.state, overrides: [...record.state.overrides, override] },
          payload: { kind, managerId: approver.id, manager: approver.name, reason },
        };
      });
    },
    'pack.complete': (_input, call) => completePacking(desk, call),
    'pack.close': (_input, call) => {
      deps.store.transaction(() => {
        const active = desk.active(call);
        deps.store.orders.unlock(active.order.id, call.stationId);
        desk.journal(active, 'pack.put_back', { units: active.record.state.units.length });
      });
      deps.events.emit('queue.changed', { stationId: null });
      return null;
    },
    'pack.boxes': () =>
      deps.store.catalog.boxes().map(({ code, name, tareGrams, lengthMm, widthMm, heightMm }) => ({ code, name, tareGrams, lengthMm, widthMm, heightMm })),
    'pack.rules': (_input, call) => deps.packing.rules(call.stationId),
    'settings.packing': (changes, call) => {
      const rules = { ...deps.packing.rules(call.stationId), ...changes };
      deps.packing.saveRules(call.stationId, rules);
      deps.journal.append({
        type: 'settings.packing',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: { kind: 'station', id: call.stationId },
        payload: { ...rules },
      });
      return rules;
    },
    'scale.current': (_input, call) => toReadingView(call.stationId === deps.stationId ? (deps.scale?.current() ?? null) : null),
  };
}
