/** The KV store: the only module that knows key names (see keys.ts for the layout). */
export * from './articles';
export * from './changes';
export * from './versions';
export type * from '../model/records';
export * from './transfer';
export * from './schedule';
export * from './sources';
export { agendaAt, clearAgenda, ImportLease, type AgendaAtTick, type PendingArticle } from './agenda';
export * from './redeliveries';
export * from './cards';
