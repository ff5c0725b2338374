// Package cameo names the CAMEO codes GDELT uses, for model/gdelt and for
// the GDELT columns model/sheet and model/parquet recognise.
//
// Files:
//
//	cameo.go  RootTopic: the root codes' names as topic titles; QuadNames
package cameo
