package api

import (
	"github.com/google/uuid"

	"doorstep/server/uploads"
)

// UploadRequest is a multipart form with one image in the field "file".
type UploadRequest struct {
	File FileUpload `file:"file"`
}

func (s *Server) upload(c *Call, req *UploadRequest) (uploads.View, error) {
	return s.uploads.Upload(c.Ctx, c.Actor, req.File.Data)
}

func (s *Server) readUpload(thumb bool) Handler[IDParam, File] {
	return func(c *Call, req *IDParam) (File, error) {
		return withID(*req, func(id uuid.UUID) (File, error) {
			data, ct, err := s.uploads.Read(c.Ctx, c.Actor, id, thumb)
			return File{Data: data, ContentType: ct, Private: true}, err
		})
	}
}

func (s *Server) getDocuments(c *Call, req *IDParam) (uploads.DocumentsView, error) {
	return withID(*req, func(id uuid.UUID) (uploads.DocumentsView, error) { return s.uploads.Documents(c.Ctx, c.Actor, id) })
}

type DocumentsRequest struct {
	IDParam
	uploads.DocumentsInput
}

func (s *Server) setDocument(c *Call, req *DocumentsRequest) (uploads.DocumentsView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (uploads.DocumentsView, error) {
		return s.uploads.SetDocument(c.Ctx, c.Actor, id, req.DocumentsInput)
	})
}
