// The one store is the union of its slices (LobeChat's pattern): each slice folder has its
// initialState, actions and selectors; components read only through the selectors.
import type { StateCreator } from 'zustand';
import type { DictionaryAction } from './dictionary/actions';
import type { DictionaryState } from './dictionary/initialState';
import type { DocumentsAction } from './documents/actions';
import type { DocumentsState } from './documents/initialState';
import type { ImportAction } from './import/actions';
import type { ImportState } from './import/initialState';
import type { ReviewAction } from './review/actions';
import type { ReviewState } from './review/initialState';
import type { SessionAction } from './session/actions';
import type { SessionState } from './session/initialState';
import type { UsersAction } from './users/actions';
import type { UsersState } from './users/initialState';

export type MishenStore = SessionState & SessionAction & DocumentsState & DocumentsAction & ReviewState & ReviewAction & ImportState & ImportAction & DictionaryState & DictionaryAction & UsersState & UsersAction;

export type SliceActions<T> = StateCreator<MishenStore, [], [], T>;
