import type { MethodName, MethodOutput, MethodParsedInput } from '../contract/methods';
import type { CallContext } from './context';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, call: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method; features contribute slices that must add up to all of them. */
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerSlice<K extends MethodName> = { [M in K]: Handler<M> };
